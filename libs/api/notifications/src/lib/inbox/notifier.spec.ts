import type { NotificationPreferences } from '../preferences/notification-preferences.entity';
import { emailed, excerptOf } from './notifier';

describe('emailed', () => {
  it('emails every kind to a user who never changed their preferences', () => {
    expect(emailed('comment_added', undefined)).toBe(true);
    expect(emailed('task_completed', undefined)).toBe(true);
  });

  it('follows the switch of the notification’s own kind', () => {
    const preferences = {
      emailCommentAdded: true,
      emailTaskAssigned: false,
      emailTaskCompleted: true,
    } as NotificationPreferences;
    expect(emailed('task_assigned', preferences)).toBe(false);
    expect(emailed('comment_added', preferences)).toBe(true);
  });
});

describe('excerptOf', () => {
  it('keeps a short comment whole and cuts a long one with an ellipsis', () => {
    expect(excerptOf('  Short.  ')).toBe('Short.');
    const excerpt = excerptOf('word '.repeat(200));
    expect(excerpt.length).toBeLessThanOrEqual(280);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});
