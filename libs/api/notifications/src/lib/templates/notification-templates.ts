import { defineMailTemplate, webPageLink } from '@mailroute/api/mail';

const ACTIVITY_PAGE = webPageLink('activity');
const TASK_PAGE = webPageLink('task');

const BUTTON =
  'display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;';

export interface CommentAddedEmailData {
  actorName: string;
  activityId: string;
  activityName: string;
  /** The comment's beginning, as typed. */
  excerpt: string;
}

/** To every watcher of a processing activity but the comment's author. */
export const commentAddedTemplate = defineMailTemplate<CommentAddedEmailData>({
  name: 'notifications.comment_added',
  subject: {
    en: '{{actorName}} commented on “{{activityName}}”',
    fr: '{{actorName}} a commenté « {{activityName}} »',
  },
  text: {
    en: `{{actorName}} commented on the processing activity “{{activityName}}”:

{{excerpt}}

Open the activity:
${ACTIVITY_PAGE}

You follow this activity because you created it or commented on it.`,
    fr: `{{actorName}} a commenté le traitement « {{activityName}} » :

{{excerpt}}

Ouvrir le traitement :
${ACTIVITY_PAGE}

Vous suivez ce traitement parce que vous l'avez créé ou commenté.`,
  },
  html: {
    en: `<p style="margin:0 0 16px;"><strong>{{actorName}}</strong> commented on the processing activity <strong>{{activityName}}</strong>:</p>
<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d1d5db;color:#374151;white-space:pre-wrap;">{{excerpt}}</blockquote>
<p style="margin:0 0 16px;"><a href="${ACTIVITY_PAGE}" style="${BUTTON}">Open the activity</a></p>
<p style="margin:0;color:#4b5563;font-size:14px;">You follow this activity because you created it or commented on it.</p>`,
    fr: `<p style="margin:0 0 16px;"><strong>{{actorName}}</strong> a commenté le traitement <strong>{{activityName}}</strong> :</p>
<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d1d5db;color:#374151;white-space:pre-wrap;">{{excerpt}}</blockquote>
<p style="margin:0 0 16px;"><a href="${ACTIVITY_PAGE}" style="${BUTTON}">Ouvrir le traitement</a></p>
<p style="margin:0;color:#4b5563;font-size:14px;">Vous suivez ce traitement parce que vous l'avez créé ou commenté.</p>`,
  },
});

export interface TaskAssignedEmailData {
  actorName: string;
  taskId: string;
  taskTitle: string;
  /** `YYYY-MM-DD`, or null. */
  dueDate: string | null;
}

/** To a task's new assignee. */
export const taskAssignedTemplate = defineMailTemplate<TaskAssignedEmailData>({
  name: 'notifications.task_assigned',
  subject: {
    en: '{{actorName}} assigned you a task: {{taskTitle}}',
    fr: '{{actorName}} vous a assigné une tâche : {{taskTitle}}',
  },
  text: {
    en: `{{actorName}} assigned you the task “{{taskTitle}}”.{{#if dueDate}}
Due date: {{dueDate}}{{/if}}

Open the task:
${TASK_PAGE}`,
    fr: `{{actorName}} vous a assigné la tâche « {{taskTitle}} ».{{#if dueDate}}
Échéance : {{dueDate}}{{/if}}

Ouvrir la tâche :
${TASK_PAGE}`,
  },
  html: {
    en: `<p style="margin:0 0 16px;"><strong>{{actorName}}</strong> assigned you the task <strong>{{taskTitle}}</strong>.</p>
{{#if dueDate}}<p style="margin:0 0 16px;">Due date: {{dueDate}}</p>{{/if}}
<p style="margin:0;"><a href="${TASK_PAGE}" style="${BUTTON}">Open the task</a></p>`,
    fr: `<p style="margin:0 0 16px;"><strong>{{actorName}}</strong> vous a assigné la tâche <strong>{{taskTitle}}</strong>.</p>
{{#if dueDate}}<p style="margin:0 0 16px;">Échéance : {{dueDate}}</p>{{/if}}
<p style="margin:0;"><a href="${TASK_PAGE}" style="${BUTTON}">Ouvrir la tâche</a></p>`,
  },
});

export interface TaskCompletedEmailData {
  actorName: string;
  taskId: string;
  taskTitle: string;
}

/** To a task's creator when someone else completes it. */
export const taskCompletedTemplate = defineMailTemplate<TaskCompletedEmailData>({
  name: 'notifications.task_completed',
  subject: {
    en: '{{actorName}} completed the task: {{taskTitle}}',
    fr: '{{actorName}} a terminé la tâche : {{taskTitle}}',
  },
  text: {
    en: `{{actorName}} completed the task “{{taskTitle}}” that you created.

Open the task:
${TASK_PAGE}`,
    fr: `{{actorName}} a terminé la tâche « {{taskTitle}} » que vous avez créée.

Ouvrir la tâche :
${TASK_PAGE}`,
  },
  html: {
    en: `<p style="margin:0 0 16px;"><strong>{{actorName}}</strong> completed the task <strong>{{taskTitle}}</strong> that you created.</p>
<p style="margin:0;"><a href="${TASK_PAGE}" style="${BUTTON}">Open the task</a></p>`,
    fr: `<p style="margin:0 0 16px;"><strong>{{actorName}}</strong> a terminé la tâche <strong>{{taskTitle}}</strong> que vous avez créée.</p>
<p style="margin:0;"><a href="${TASK_PAGE}" style="${BUTTON}">Ouvrir la tâche</a></p>`,
  },
});
