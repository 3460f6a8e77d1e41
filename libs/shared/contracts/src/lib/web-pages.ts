/**
 * The web app's pages that emails link to. The API builds every link of an email from these
 * (`webPagePath`), and the web app has a route for each pattern (its routes spec checks that), so
 * a link in an email cannot point at a page that does not exist.
 */
export const WEB_PAGES = {
  invitation: '/invitations/:token',
  auditResponse: '/audits/respond/:token',
  audit: '/audits/:auditId',
  activity: '/processing-activities/:activityId',
  task: '/tasks/:taskId',
  smtpSettings: '/general-settings/smtp',
} as const;

export type WebPage = keyof typeof WEB_PAGES;

type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The values a page's pattern needs, e.g. `{ token: string }` for `invitation`. */
export type WebPageParams<K extends WebPage> = { readonly [N in ParamsOf<(typeof WEB_PAGES)[K]>]: string };

/** The path of a page with its values filled in (each percent-encoded), e.g. `/tasks/7`. */
export function webPagePath<K extends WebPage>(page: K, params: WebPageParams<K>): string {
  const values = params as Readonly<Record<string, string>>;
  return WEB_PAGES[page].replace(/:(\w+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      throw new Error(`The link to ${page} needs ${name}`);
    }
    return encodeURIComponent(value);
  });
}

/** Which page a link's path is, or null when it is none of them. */
export function webPageOf(path: string): WebPage | null {
  for (const [page, pattern] of Object.entries(WEB_PAGES) as [WebPage, string][]) {
    const expression = new RegExp(`^${pattern.replace(/:\w+/g, '[^/?#]+')}$`);
    if (expression.test(path)) {
      return page;
    }
  }
  return null;
}
