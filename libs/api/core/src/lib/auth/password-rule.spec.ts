import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { PasswordRule } from './password-rule';

class ChosenPassword {
  @PasswordRule()
  @IsString()
  password!: string;
}

const reasonsFor = (password: string) =>
  validateSync(plainToInstance(ChosenPassword, { password })).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('PasswordRule', () => {
  it('accepts 12 characters or more with something other than blanks, inner spaces included', () => {
    expect(reasonsFor('correct horse battery')).toEqual([]);
    expect(reasonsFor('  twelve chars  ')).toEqual([]);
  });

  it.each([
    ['twelve spaces', ' '.repeat(12)],
    ['tabs and no-break spaces', '\t\u00a0'.repeat(8)],
    ['ideographic spaces', '\u3000'.repeat(12)],
  ])('refuses a password of %s', (_, password) => {
    expect(reasonsFor(password)).toEqual(['must not be only spaces or other blank characters']);
  });

  it('refuses a short one', () => {
    expect(reasonsFor('short')).toEqual(['must be at least 12 characters long']);
  });
});
