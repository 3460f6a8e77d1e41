import { IsString } from 'class-validator';
import { fieldErrorsOf } from '../../testing/field-errors';
import { SingleLineText } from './text-rules';

class NamedThing {
  @SingleLineText()
  @IsString({ message: 'must be a string' })
  name!: string;
}

const errorsOf = (body: unknown) => fieldErrorsOf(NamedThing, body);

describe('SingleLineText', () => {
  it('accepts a name in any script, with accents and inner spaces', async () => {
    expect(await errorsOf({ name: 'Zoë Ångström-Łukasiewicz' })).toEqual([]);
    expect(await errorsOf({ name: 'سارا محمدی' })).toEqual([]);
    expect(await errorsOf({ name: '山田 太郎' })).toEqual([]);
  });

  it.each([
    ['CR LF', 'Ada\r\nBcc: x@evil.test'],
    ['a lone LF', 'Ada\nLovelace'],
    ['a lone CR', 'Ada\rLovelace'],
    ['a tab', 'Ada\tLovelace'],
    ['NEL', 'Ada\u0085Lovelace'],
    ['a line separator', 'Ada\u2028Lovelace'],
    ['a paragraph separator', 'Ada\u2029Lovelace'],
  ])('refuses %s, naming the field', async (_, name) => {
    expect(await errorsOf({ name })).toEqual([
      { field: 'name', reason: 'must be on one line, without control characters' },
    ]);
  });

  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'refuses the bidirectional control U+%s, naming the field',
    async (control) => {
      expect(await errorsOf({ name: `Invoice ${control}fdp.exe` })).toEqual([
        { field: 'name', reason: 'must not contain bidirectional control characters' },
      ]);
    },
  );
});
