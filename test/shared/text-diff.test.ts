import { diffChars, diffLines, diffSequences, hasChanges, MAX_CELLS } from '../../shared/notices/text-diff';

/** Rebuilds both sides from a diff: every diff must give back exactly the texts it compared. */
const sides = (parts: Array<{ op: string; text: string }>) => ({
  before: parts.filter((p) => p.op !== 'added').map((p) => p.text).join(''),
  after: parts.filter((p) => p.op !== 'removed').map((p) => p.text).join(''),
});

describe('diffChars: characters of a title or a summary', () => {
  test('a corrected date inside a Chinese sentence is the only change marked', () => {
    const parts = diffChars('本周六9:00至17:00停水', '本周日9:00至18:00停水');
    expect(parts).toEqual([
      { op: 'same', text: '本周' },
      { op: 'removed', text: '六' },
      { op: 'added', text: '日' },
      { op: 'same', text: '9:00至1' },
      { op: 'removed', text: '7' },
      { op: 'added', text: '8' },
      { op: 'same', text: ':00停水' },
    ]);
  });

  test('identical texts are one unchanged run; empty sides are pure additions or removals', () => {
    expect(diffChars('公示', '公示')).toEqual([{ op: 'same', text: '公示' }]);
    expect(hasChanges(diffChars('公示', '公示'))).toBe(false);
    expect(diffChars('', '新增摘要')).toEqual([{ op: 'added', text: '新增摘要' }]);
    expect(diffChars('旧摘要', '')).toEqual([{ op: 'removed', text: '旧摘要' }]);
    expect(diffChars('', '')).toEqual([]);
  });

  test('characters outside the basic plane (𠮷) are kept whole', () => {
    expect(diffChars('𠮷野家', '吉野家')).toEqual([
      { op: 'removed', text: '𠮷' },
      { op: 'added', text: '吉' },
      { op: 'same', text: '野家' },
    ]);
  });

  test.each([
    ['关于加装电梯的通知', '关于既有住宅加装电梯的补充通知'],
    ['abcabba', 'cbabac'],
    ['物业服务收费管理暂行办法', '物业收费办法'],
  ])('both texts come back from the diff of %s → %s', (before, after) => {
    expect(sides(diffChars(before, after))).toEqual({ before, after });
  });
});

describe('diffLines: paragraphs of a body', () => {
  const before = ['第一段不变。', '停水时间为本周六9:00至17:00。', '第三段不变。', '将被删除的一段。'].join('\n');
  const after = ['第一段不变。', '停水时间为本周日9:00至17:00。', '第三段不变。', '新增的一段。', '又一段。'].join('\n');

  test('unchanged lines stay, an edited line is paired with its new text and its changed characters', () => {
    const lines = diffLines(before, after);
    expect(lines.map((l) => [l.op, l.text])).toEqual([
      ['same', '第一段不变。'],
      ['removed', '停水时间为本周六9:00至17:00。'],
      ['added', '停水时间为本周日9:00至17:00。'],
      ['same', '第三段不变。'],
      ['removed', '将被删除的一段。'],
      ['added', '新增的一段。'],
      ['added', '又一段。'],
    ]);
    expect(lines[1].parts).toEqual([
      { op: 'same', text: '停水时间为本周' },
      { op: 'removed', text: '六' },
      { op: 'same', text: '9:00至17:00。' },
    ]);
    expect(lines[2].parts?.filter((p) => p.op !== 'same')).toEqual([{ op: 'added', text: '日' }]);
    // An unequal block (one removed, two added) is shown as whole lines, without pairing.
    expect(lines[4].parts).toBeUndefined();
  });

  test('Windows line ends are the same lines; identical bodies have no change', () => {
    expect(hasChanges(diffLines('甲\r\n乙', '甲\n乙'))).toBe(false);
    expect(diffLines('', '')).toEqual([]);
  });

  test('a diff too large to compute finely is still correct, as whole lines removed then added', () => {
    const many = (prefix: string) => Array.from({ length: 1500 }, (_, i) => `${prefix}${i}`);
    expect(1501 * 1501).toBeGreaterThan(MAX_CELLS);
    const runs = diffSequences(['头', ...many('旧'), '尾'], ['头', ...many('新'), '尾']);
    expect(runs.map((r) => [r.op, r.items.length])).toEqual([
      ['same', 1],
      ['removed', 1500],
      ['added', 1500],
      ['same', 1],
    ]);
  });
});
