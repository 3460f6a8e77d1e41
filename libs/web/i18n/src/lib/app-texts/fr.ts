import type { Translation } from '../text-catalogue';
import type { appEn } from './en';

export const appFr: Translation<typeof appEn> = {
  'app.productName': 'Mailroute',
  'app.skipToContent': 'Aller au contenu principal',

  'language.label': 'Langue',
  'language.en': 'English',
  'language.fr': 'Français',

  'role.admin': 'Administrateur',
  'role.member': 'Membre',

  'nav.activities': 'Traitements',
  'nav.tasks': 'Tâches',
  'nav.notifications': 'Notifications',
  'nav.dataSubjectRequests': 'Demandes des personnes',
  'nav.audits': 'Audits',
  'nav.members': 'Membres',
  'nav.generalSettings': 'Paramètres généraux',

  'nav.organization': 'Organisation',

  'nav.smtp': 'Serveur SMTP',
  'nav.emailLog': 'Journal des e-mails',

  'common.retry': 'Réessayer',

  'paginator.itemsPerPage': 'Par page',
  'paginator.next': 'Page suivante',
  'paginator.previous': 'Page précédente',
  'paginator.first': 'Première page',
  'paginator.last': 'Dernière page',
  'paginator.range': '{start}–{end} sur {total}',
};
