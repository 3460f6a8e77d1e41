import { defineTexts } from '@mailroute/web/i18n';
import { tasksEn } from './en';
import { tasksFr } from './fr';

export const tasksTexts = defineTexts('tasks', tasksEn, tasksFr);
