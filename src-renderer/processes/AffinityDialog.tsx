import { useEffect, useId, useRef, useState } from 'react';
import { Modal } from '../shared/Modal';
import { affinityProcessors } from './process-actions';

/**
 * The core picker for Set affinity: one checkbox per logical processor (one processor group: 0-63, as
 * SetProcessAffinityMask takes), All and None, and Set affinity (disabled with none picked: a process
 * must be allowed somewhere). The current affinity is not in the process list, so all start checked.
 */
export function AffinityDialog({
  subject,
  logicalProcessors,
  onApply,
  onCancel,
}: {
  /** "notepad.exe (PID 1234)" or "3 processes". */
  subject: string;
  logicalProcessors: number;
  onApply: (processors: number[]) => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const noteId = useId();
  const all = affinityProcessors(logicalProcessors);
  const [picked, setPicked] = useState<ReadonlySet<number>>(() => new Set(all));
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const toggle = (cpu: number, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(cpu);
      else next.delete(cpu);
      return next;
    });

  return (
    <Modal titleId={titleId} describedBy={noteId} testId="affinity-dialog" onCancel={onCancel}>
      <h2 id={titleId} className="modal__title">{`Set affinity for ${subject}`}</h2>
      <p id={noteId} className="modal__note">
        {`Pick the logical processors Windows may run ${subject.endsWith(' processes') ? 'them' : 'it'} on.`}
        {logicalProcessors > 64 ? ' Only the first processor group (CPU 0-63) can be set here.' : ''}
      </p>
      <fieldset className="affinity">
        <legend>Logical processors</legend>
        <div className="affinity__grid">
          {all.map((cpu) => (
            <label key={cpu} className="affinity__cpu">
              <input
                ref={cpu === 0 ? firstRef : undefined}
                type="checkbox"
                checked={picked.has(cpu)}
                onChange={(e) => toggle(cpu, e.currentTarget.checked)}
              />
              {`CPU ${cpu}`}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="modal__buttons">
        <button type="button" onClick={() => setPicked(new Set(all))}>
          Select all processors
        </button>
        <button type="button" onClick={() => setPicked(new Set())}>
          Clear all processors
        </button>
        <span className="modal__spacer" />
        <button type="button" className="button--primary" disabled={picked.size === 0} onClick={() => onApply([...picked].sort((a, b) => a - b))}>
          Set affinity
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
