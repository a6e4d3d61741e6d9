import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { maskAddress, maskEmail, maskIdNumber, maskName, maskOpenid, maskPhone, MAX_SHOWN_CHARACTERS } from '../../shared/privacy/masking';

/** Characters of `value` still readable in `masked` (same length, position by position). */
function shown(masked: string): number {
  return Array.from(masked).filter((c) => c !== '*').length;
}

describe('document numbers: at most a third shows, never more than six characters', () => {
  // A number of every length from 6 to 18 characters with no `*` in it.
  const numbers = Array.from({ length: 13 }, (_, i) => 'A123456789BCDEFGHX'.slice(0, i + 6));

  test.each(numbers.map((n) => [n.length, n] as const))('%i characters', (length, number) => {
    const masked = maskIdNumber(number);
    expect(Array.from(masked)).toHaveLength(length);
    expect(shown(masked)).toBeLessThanOrEqual(Math.floor(length / 3));
    expect(shown(masked)).toBeLessThanOrEqual(MAX_SHOWN_CHARACTERS);
    expect(shown(masked)).toBeGreaterThan(0);
    // What shows is the number's own start and end, in place.
    Array.from(masked).forEach((c, i) => c !== '*' && expect(c).toBe(number[i]));
    expect(masked[0]).toBe(number[0]);
    expect(masked.at(-1)).toBe(number.at(-1));
  });

  test('a 9-character passport number shows 3 characters, an ID card 6 of 18', () => {
    expect(maskIdNumber('E12345678')).toBe('E******78');
    expect(maskIdNumber('330106199003071236')).toBe('330************236');
    expect(maskIdNumber('123456')).toBe('1****6');
  });

  test('numbers too short to show a third show nothing', () => {
    for (const n of ['', 'A', 'AB']) expect(maskIdNumber(n)).toBe('*'.repeat(n.length));
    expect(maskIdNumber('ABC')).toBe('**C');
  });
});

describe('phones, e-mail, addresses, names', () => {
  test('a mainland mobile keeps the national 3-4-4 convention; any other phone follows the rule for numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('057187654321')).toBe('05********21');
    expect(shown(maskPhone('+85291234567'))).toBeLessThanOrEqual(4);
  });

  test('e-mail shows the mailbox’s first character and the provider', () => {
    expect(maskEmail('zhouli@example.com')).toBe('z***@example.com');
    expect(maskEmail('a@b.cn')).toBe('a***@b.cn');
    expect(maskEmail('not-an-address')).not.toContain('address');
  });

  test('an address shows at most a third and six characters: the city, never the street or number', () => {
    expect(maskAddress('杭州市西湖区文三路90号')).toBe('杭州市西****');
    expect(maskAddress('浙江省杭州市西湖区文三路90号华星大厦1201室')).toBe('浙江省杭州市****');
    expect(maskAddress('')).toBe('');
    expect(maskAddress('文三路')).toBe('文****');
  });

  test('a name keeps its first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('*');
  });
});

describe('OPENIDs', () => {
  test('a list shows enough to tell two people apart, never the whole OPENID', () => {
    expect(maskOpenid('oWxAb1234567890abcdefghijk9a')).toBe('oWx***9a');
    expect(maskOpenid('abc123')).toBe('a***');
  });

  /** Three differently shaped masks once grew in three corners (staff list, deliveries, opinions): one rule, one place. */
  test('the product masks OPENIDs in one place only', () => {
    const root = join(__dirname, '../..');
    const definers: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && /function maskOpenid\b|const maskOpenid\b/.test(readFileSync(path, 'utf8'))) definers.push(path.slice(root.length + 1));
      }
    };
    for (const dir of ['shared', 'cloudfunctions', 'server', 'miniprogram']) walk(join(root, dir));
    expect(definers).toEqual(['shared/privacy/masking.ts']);
  });
});
