import { formatBytes } from '../../lib/format';
import { decimal } from './hosted-form';
import { HostedField, NumberInput, type HostedFieldContext } from './HostedField';

const MB = 1024 * 1024;

/** The most the log folder can hold with these settings, in words; null while a number is not typed. */
export function logCapText(fileMB: string, files: string, totalMB: string, split: boolean): string | null {
  const size = decimal(fileMB);
  const count = decimal(files);
  if (size === null || count === null) return null;
  const streams = split ? 2 : 1;
  const perStreams = size * MB * count * streams;
  const total = totalMB.trim() === '' ? null : decimal(totalMB);
  const cap = total === null ? perStreams : Math.min(perStreams, total * MB);
  const names = split ? 'stdout.log and stderr.log' : 'output.log';
  return `At most ${formatBytes(cap)} on disk: ${names}, rotated at ${formatBytes(size * MB)} with ${count} file${count === 1 ? '' : 's'} kept per stream${total === null ? '' : `, never more than ${formatBytes(total * MB)} in all`}. Lines are never held back: a full disk drops them with a marker.`;
}

/** Where stdout and stderr go: file size, files kept, a total cap, one file or two. */
export function LogRotationEditor({ ctx }: { ctx: HostedFieldContext }) {
  const { form, set } = ctx;
  const text = logCapText(form.logMaxFileMB, form.logMaxFiles, form.logTotalCapMB, form.logSplit);
  return (
    <fieldset className="form__group">
      <legend>Output log</legend>
      <div className="form__row">
        <HostedField ctx={ctx} field="log.maxFileBytes" label="Rotate at">
          {(a) => <NumberInput aria={a} value={form.logMaxFileMB} onValue={(v) => set('logMaxFileMB', v)} unit="MB" testId="hosted-form-log-size" />}
        </HostedField>
        <HostedField ctx={ctx} field="log.maxFiles" label="Files kept per stream">
          {(a) => <NumberInput aria={a} value={form.logMaxFiles} onValue={(v) => set('logMaxFiles', v)} testId="hosted-form-log-files" />}
        </HostedField>
        <HostedField ctx={ctx} field="log.totalCapBytes" label="Total cap (blank: size × files)">
          {(a) => <NumberInput aria={a} value={form.logTotalCapMB} onValue={(v) => set('logTotalCapMB', v)} unit="MB" testId="hosted-form-log-cap" />}
        </HostedField>
      </div>
      <label className="limit__check">
        <input type="checkbox" checked={form.logSplit} onChange={(e) => set('logSplit', e.currentTarget.checked)} data-testid="hosted-form-log-split" />
        stdout and stderr in separate files
      </label>
      {text ? (
        <p className="form__hint" data-testid="hosted-form-log-cap-text">
          {text}
        </p>
      ) : null}
    </fieldset>
  );
}
