import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { LoginDto } from '../auth/dto/login.dto';
import { toFieldErrors } from './validation';

function errorsOf(body: object) {
  return toFieldErrors(validateSync(plainToInstance(LoginDto, body), { stopAtFirstError: true }));
}

describe('request validation errors', () => {
  it('says which field is missing, in words', () => {
    expect(errorsOf({})).toEqual([
      { field: 'email', reason: 'is required' },
      { field: 'password', reason: 'is required' },
    ]);
  });

  it('gives one reason per field', () => {
    expect(errorsOf({ email: 'nope', password: 42 })).toEqual([
      { field: 'email', reason: 'must be an email address' },
      { field: 'password', reason: 'must be a string' },
    ]);
  });

  it('names nested fields with a dotted path', () => {
    expect(
      toFieldErrors([
        {
          property: 'recipients',
          children: [
            {
              property: '0',
              children: [
                { property: 'address', constraints: { isEmail: 'address must be an email' }, children: [] },
              ],
            },
          ],
        },
      ]),
    ).toEqual([{ field: 'recipients[0].address', reason: 'must be an email' }]);
  });
});
