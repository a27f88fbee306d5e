import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, processesCsv, rowsAsText } from './csv-export';
import type { DisplayRow } from './process-rows';
import { ProcessStore } from './process-store';
import { testRow, testSnapshot } from './test-processes';
import type { ProcessRowValue } from '../../src-preload/contract/schemas';

function display(rows: ProcessRowValue[]): DisplayRow[] {
  const store = new ProcessStore();
  store.applySnapshot(testSnapshot(1, rows));
  return [...store.all()].map((entry) => ({ entry, depth: 0, hasChildren: false, expanded: false, matched: true }));
}

describe('csvField (RFC 4180)', () => {
  it('leaves plain text alone and quotes fields with a comma, quote, CR or LF, doubling quotes', () => {
    expect(csvField('notepad.exe')).toBe('notepad.exe');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvField('=cmd|\' /C calc\'!A0')).toBe("'=cmd|' /C calc'!A0");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes numbers as they are, booleans as Yes/No, and null as an empty field', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('Yes');
    expect(csvField(null)).toBe('');
  });
});

describe('processesCsv', () => {
  it('writes the shown columns in order with unit headers, raw values, and CRLF after every record', () => {
    const rows = display([
      testRow(4, { name: 'System', cpuPercent: null, workingSetBytes: 4096, commandLine: null, startTime: 0 }),
      testRow(900, { name: 'evil.exe', cpuPercent: 2.5, workingSetBytes: 1, commandLine: '=1+2, "x"', startTime: Date.UTC(2024, 0, 2, 3, 4, 5) }),
    ]);
    const csv = processesCsv(['name', 'pid', 'cpuPercent', 'workingSetBytes', 'startTime', 'commandLine'], rows);
    expect(csv).toBe(
      'Name,PID,CPU (%),Working set (bytes),Started,Command line\r\n' +
        'System,4,,4096,,\r\n' +
        `evil.exe,900,2.5,1,2024-01-02T03:04:05.000Z,"'=1+2, ""x"""\r\n`,
    );
  });

  it('copies rows as tab-separated shown text without line breaks inside a field', () => {
    const rows = display([testRow(5, { name: 'a.exe', commandLine: 'a\tb\nc', workingSetBytes: 2048 })]);
    expect(rowsAsText(['name', 'workingSetBytes', 'commandLine'], rows)).toBe('a.exe\t2.00 KB\ta b c');
  });

  it('suggests a file name desktop:saveCsv accepts', () => {
    const name = csvFileName(new Date(2024, 4, 1, 14, 3, 9));
    expect(name).toBe('processes-2024-05-01-140309.csv');
    // The contract's own file-name rule (schemas.ts, desktop:saveCsv), control characters included.
    // eslint-disable-next-line no-control-regex
    expect(name).toMatch(/^[^\\/:*?"<>|\u0000-\u001f]+\.csv$/);
  });
});
