/** The notification inbox and notification preferences. `{name}` marks a value filled in by `t(key, { name })`. */
export const notificationsEn = {
  'notifications.pageTitle': 'Notifications',
  'notifications.heading': 'Notifications',
  'notifications.intro':
    'What happened on the activities you follow and the tasks you take part in, newest first.',
  'notifications.preferencesLink': 'Choose which notifications are emailed',
  'notifications.loading': 'Loading notifications',
  'notifications.loadFailed': 'Your notifications could not be loaded.',
  'notifications.empty':
    'No notifications yet. You are told here when someone comments on an activity you follow, assigns you a task or completes a task you created.',
  'notifications.summary.none': 'Nothing unread.',
  'notifications.summary.one': '1 unread notification.',
  'notifications.summary.many': '{count} unread notifications.',
  'notifications.list': 'Notifications',
  'notifications.unread': 'Unread',
  'notifications.someone': 'Someone',
  'notifications.kind.comment_added': '{actor} commented on the processing activity “{name}”',
  'notifications.kind.task_assigned': '{actor} assigned you the task “{name}”',
  'notifications.kind.task_completed': '{actor} completed the task “{name}”',
  'notifications.notEmailed': 'Not emailed',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.markingAllRead': 'Marking all as read…',
  'notifications.allRead': 'All notifications are marked as read.',
  'notifications.markAllReadFailed': 'The notifications could not be marked as read. Try again in a moment.',

  'notifications.preferences.pageTitle': 'Email notifications',
  'notifications.preferences.heading': 'Email notifications',
  'notifications.preferences.intro':
    'Every notification appears in your inbox. Choose which ones are also emailed to you.',
  'notifications.preferences.backToInbox': 'Back to notifications',
  'notifications.preferences.loading': 'Loading your email preferences',
  'notifications.preferences.loadFailed': 'Your email preferences could not be loaded.',
  'notifications.preferences.legend': 'Email me when',
  'notifications.preferences.commentAdded': 'someone comments on a processing activity I follow',
  'notifications.preferences.taskAssigned': 'someone assigns me a task',
  'notifications.preferences.taskCompleted': 'someone completes a task I created',
  'notifications.preferences.save': 'Save preferences',
  'notifications.preferences.saving': 'Saving…',
  'notifications.preferences.saved': 'Your email preferences are saved.',
  'notifications.preferences.invalid':
    'Some preferences were refused. Check the messages below, then save again.',
  'notifications.preferences.fieldRefused': 'Refused by the server: {reason}',
  'notifications.preferences.saveFailed': 'Your email preferences could not be saved. Try again in a moment.',
  'notifications.preferences.unreachable':
    'The server could not be reached. Check your connection, then try again.',
} as const;

declare module '@mailroute/web/i18n' {
  interface TextKeys extends Record<keyof typeof notificationsEn, true> {}
}
