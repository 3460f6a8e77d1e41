import { defineMailTemplate } from '@mailroute/api/mail';

export interface BenchNotificationData {
  author: string;
  activity: string;
  excerpt: string;
  link: string;
}

/** A comment notification of ordinary size (about 1 kB of text and 2 kB of HTML once laid out). */
export const benchNotificationTemplate = defineMailTemplate<BenchNotificationData>({
  name: 'bench.comment_added',
  subject: {
    en: '{{author}} commented on {{activity}}',
    fr: '{{author}} a commenté {{activity}}',
  },
  text: {
    en: `{{author}} commented on the processing activity "{{activity}}" in {{organizationName}}:

{{excerpt}}

Open the activity to answer: {{link}}`,
    fr: `{{author}} a commenté le traitement « {{activity}} » dans {{organizationName}} :

{{excerpt}}

Ouvrez le traitement pour répondre : {{link}}`,
  },
  html: {
    en: `<p style="margin:0 0 16px;"><strong>{{author}}</strong> commented on the processing activity <strong>{{activity}}</strong> in {{organizationName}}:</p>
<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #c5cae9;">{{excerpt}}</blockquote>
<p style="margin:0;"><a href="{{link}}">Open the activity to answer</a></p>`,
    fr: `<p style="margin:0 0 16px;"><strong>{{author}}</strong> a commenté le traitement <strong>{{activity}}</strong> dans {{organizationName}} :</p>
<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #c5cae9;">{{excerpt}}</blockquote>
<p style="margin:0;"><a href="{{link}}">Ouvrez le traitement pour répondre</a></p>`,
  },
});

export function benchNotificationData(index: number): BenchNotificationData {
  return {
    author: 'Camille Martin',
    activity: `Customer newsletter #${index}`,
    excerpt:
      'The retention period of the newsletter subscribers is not stated yet. Could the marketing team ' +
      'confirm the 3 years after the last click that we discussed, and add the legal basis (consent) ' +
      'to the record? I have attached the draft of the information notice for review.',
    link: `https://mailroute.bench.test/processing-activities/${index}`,
  };
}
