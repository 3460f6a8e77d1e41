import { fieldErrorsOf } from '@mailroute/api/core/testing';
import { CreateProcessingActivityDto } from './create-processing-activity.dto';
import { CreateTaskDto } from './create-task.dto';
import { UpdateTaskDto } from './update-task.dto';

describe('activity and task names', () => {
  const bodies = [
    ['an activity’s name', CreateProcessingActivityDto, 'name', { description: 'Monthly salaries.' }],
    ['a new task’s title', CreateTaskDto, 'title', { assigneeId: '5b0e9b0c-6c1e-4d7a-9b1a-0c3f2d1e4a5b' }],
    ['a changed task’s title', UpdateTaskDto, 'title', {}],
  ] as const;

  it.each(bodies)('refuses a line break in %s, naming the field', async (_, dto, field, rest) => {
    const errors = await fieldErrorsOf(dto, { ...rest, [field]: 'Payroll\r\nBcc: x@evil.test' });
    expect(errors).toEqual([{ field, reason: expect.stringMatching(/one line/) }]);
  });

  it.each(bodies)('refuses a bidirectional override in %s, naming the field', async (_, dto, field, rest) => {
    const errors = await fieldErrorsOf(dto, { ...rest, [field]: 'Payroll \u202Efdp.exe' });
    expect(errors).toEqual([{ field, reason: 'must not contain bidirectional control characters' }]);
  });

  it.each(bodies)('accepts a plain one-line name in %s', async (_, dto, field, rest) => {
    expect(await fieldErrorsOf(dto, { ...rest, [field]: 'Paie des salariés' })).toEqual([]);
  });
});
