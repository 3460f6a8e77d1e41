import type { Translation } from '@mailroute/web/i18n';
import type { notificationsEn } from './en';

export const notificationsFr: Translation<typeof notificationsEn> = {
  'notifications.pageTitle': 'Notifications',
  'notifications.heading': 'Notifications',
  'notifications.intro':
    'Ce qui s’est passé sur les traitements que vous suivez et les tâches auxquelles vous participez, les plus récentes d’abord.',
  'notifications.preferencesLink': 'Choisir les notifications envoyées par e-mail',
  'notifications.loading': 'Chargement des notifications',
  'notifications.loadFailed': 'Vos notifications n’ont pas pu être chargées.',
  'notifications.empty':
    'Aucune notification pour le moment. Vous êtes prévenu ici quand quelqu’un commente un traitement que vous suivez, vous assigne une tâche ou termine une tâche que vous avez créée.',
  'notifications.summary.none': 'Rien de non lu.',
  'notifications.summary.one': '1 notification non lue.',
  'notifications.summary.many': '{count} notifications non lues.',
  'notifications.list': 'Notifications',
  'notifications.unread': 'Non lue',
  'notifications.someone': 'Quelqu’un',
  'notifications.kind.comment_added': '{actor} a commenté le traitement « {name} »',
  'notifications.kind.task_assigned': '{actor} vous a assigné la tâche « {name} »',
  'notifications.kind.task_completed': '{actor} a terminé la tâche « {name} »',
  'notifications.notEmailed': 'Non envoyée par e-mail',
  'notifications.markAllRead': 'Tout marquer comme lu',
  'notifications.markingAllRead': 'Marquage en cours…',
  'notifications.allRead': 'Toutes les notifications sont marquées comme lues.',
  'notifications.markAllReadFailed':
    'Les notifications n’ont pas pu être marquées comme lues. Réessayez dans un instant.',

  'notifications.preferences.pageTitle': 'Notifications par e-mail',
  'notifications.preferences.heading': 'Notifications par e-mail',
  'notifications.preferences.intro':
    'Chaque notification apparaît dans votre boîte de réception. Choisissez celles qui vous sont aussi envoyées par e-mail.',
  'notifications.preferences.backToInbox': 'Retour aux notifications',
  'notifications.preferences.loading': 'Chargement de vos préférences d’e-mail',
  'notifications.preferences.loadFailed': 'Vos préférences d’e-mail n’ont pas pu être chargées.',
  'notifications.preferences.legend': 'M’envoyer un e-mail quand',
  'notifications.preferences.commentAdded': 'quelqu’un commente un traitement que je suis',
  'notifications.preferences.taskAssigned': 'quelqu’un m’assigne une tâche',
  'notifications.preferences.taskCompleted': 'quelqu’un termine une tâche que j’ai créée',
  'notifications.preferences.save': 'Enregistrer les préférences',
  'notifications.preferences.saving': 'Enregistrement…',
  'notifications.preferences.saved': 'Vos préférences d’e-mail sont enregistrées.',
  'notifications.preferences.invalid':
    'Certaines préférences ont été refusées. Vérifiez les messages ci-dessous, puis enregistrez à nouveau.',
  'notifications.preferences.fieldRefused': 'Refusé par le serveur : {reason}',
  'notifications.preferences.saveFailed':
    'Vos préférences d’e-mail n’ont pas pu être enregistrées. Réessayez dans un instant.',
  'notifications.preferences.unreachable':
    'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
};
