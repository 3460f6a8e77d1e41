import { WEB_PAGES, type WebPage } from '@mailroute/shared/contracts';

/**
 * A template's link to a page of the web app, in Handlebars: `{{publicUrl}}/tasks/{{taskId}}` for
 * `task`. The pattern's values are the template data's fields of the same names.
 */
export function webPageLink(page: WebPage): string {
  return `{{publicUrl}}${WEB_PAGES[page].replace(/:(\w+)/g, '{{$1}}')}`;
}
