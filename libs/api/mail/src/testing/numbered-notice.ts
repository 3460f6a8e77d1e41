import { defineMailTemplate } from '../lib/templates/mail-template';

/**
 * A small template numbered by `n`, in both languages, for tests that send many emails and tell
 * them apart by subject: `Notice #n` in English, `Avis n°n` in French.
 */
export const numberedNotice = defineMailTemplate<{ n: number }>({
  name: 'testing.numbered_notice',
  subject: { en: 'Notice #{{n}}', fr: 'Avis n°{{n}}' },
  text: { en: 'Notice {{n}}', fr: 'Avis {{n}}' },
  html: { en: '<p>Notice {{n}}</p>', fr: '<p>Avis {{n}}</p>' },
});
