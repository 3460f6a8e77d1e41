import { fieldErrorsOf } from '@mailroute/api/core/testing';
import { TASK_LIMITS } from '@mailroute/shared/contracts';
import { CreateTaskDto } from './create-task.dto';
import { ListTasksQuery } from './list-tasks.query';
import { UpdateTaskDto } from './update-task.dto';

describe('a task’s description', () => {
  const ASSIGNEE = '5b0e9b0c-6c1e-4d7a-9b1a-0c3f2d1e4a5b';
  const bodies = [
    ['a new task', CreateTaskDto, { title: 'Review', assigneeId: ASSIGNEE }],
    ['a changed task', UpdateTaskDto, {}],
  ] as const;

  it.each(bodies)('accepts several lines, up to the limit, in %s', async (_, dto, rest) => {
    const description = `First line\r\nSecond line\n${'x'.repeat(TASK_LIMITS.descriptionLength - 24)}`;
    expect(description).toHaveLength(TASK_LIMITS.descriptionLength);
    expect(await fieldErrorsOf(dto, { ...rest, description })).toEqual([]);
    expect(await fieldErrorsOf(dto, { ...rest, description: '' })).toEqual([]);
  });

  it.each(bodies)(
    'refuses one too long, or not text (null included), in %s, naming the field',
    async (_, dto, rest) => {
      expect(
        await fieldErrorsOf(dto, { ...rest, description: 'x'.repeat(TASK_LIMITS.descriptionLength + 1) }),
      ).toEqual([
        { field: 'description', reason: `must be at most ${TASK_LIMITS.descriptionLength} characters` },
      ]);
      for (const description of [['x'], null]) {
        expect(await fieldErrorsOf(dto, { ...rest, description })).toEqual([
          { field: 'description', reason: 'must be a string' },
        ]);
      }
    },
  );
});

describe('the tasks’ status filter', () => {
  const query = (value: Record<string, string>) => fieldErrorsOf(ListTasksQuery, value);

  it('accepts each status, or none', async () => {
    for (const status of ['open', 'in_progress', 'done']) {
      expect(await query({ status })).toEqual([]);
    }
    expect(await query({})).toEqual([]);
  });

  it('refuses any other value, naming the field and the statuses', async () => {
    expect(await query({ status: 'finished' })).toEqual([
      { field: 'status', reason: 'must be one of open, in_progress, done' },
    ]);
  });
});
