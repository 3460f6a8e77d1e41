import type { Translation } from '@mailroute/web/i18n';
import type { shellEn } from './en';

export const shellFr: Translation<typeof shellEn> = {
  'login.pageTitle': 'Connexion',
  'login.heading': 'Connexion',
  'login.intro': 'Utilisez l’adresse e-mail et le mot de passe de votre compte Mailroute.',
  'login.email': 'E-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion…',
  'login.emailRequired': 'Saisissez votre adresse e-mail.',
  'login.emailInvalid': 'Saisissez une adresse e-mail comme nom@exemple.fr.',
  'login.passwordRequired': 'Saisissez votre mot de passe.',
  'login.error.invalidCredentials': 'E-mail ou mot de passe incorrect.',
  'login.error.throttled': 'Trop de tentatives de connexion. Patientez une minute, puis réessayez.',
  'login.error.unreachable': 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
  'login.error.invalidInput': 'Vérifiez l’adresse e-mail et le mot de passe, puis réessayez.',
  'login.error.unexpected': 'Une erreur est survenue. Réessayez dans un instant.',

  'shell.mainNavigation': 'Principale',
  'shell.accountLabel': 'Connecté en tant que {email}, {role}',
  'shell.organizationLabel': 'Organisation',
  'shell.signOut': 'Se déconnecter',
  'shell.accountLoadFailed': 'Les informations de votre compte n’ont pas pu être chargées.',
  'shell.unreadOne': '{label}, 1 non lue',
  'shell.unreadMany': '{label}, {count} non lues',

  'generalSettings.pageTitle': 'Paramètres généraux',
  'generalSettings.heading': 'Paramètres généraux',
  'generalSettings.intro': 'Les paramètres qui s’appliquent à toute votre organisation.',
  'generalSettings.sections': 'Sections des paramètres généraux',

  'organization.pageTitle': 'Organisation',
  'organization.heading': 'Vue d’ensemble de l’organisation',
  'organization.name': 'Nom',
  'organization.defaultLanguage': 'Langue par défaut',
  'organization.yourRole': 'Votre rôle',

  'notFound.pageTitle': 'Page introuvable',
  'notFound.heading': 'Cette page n’existe pas',
  'notFound.body': 'Le lien est peut-être mal saisi, ou la page a été supprimée.',
  'notFound.home': 'Aller aux paramètres généraux',
};
