import { useEffect, useId, useRef, useState } from 'react';
import type { HostedLogMatchesValue } from '../../../src-preload/contract/hosted-schemas';
import { request } from '../../lib/api';
import { filterTail } from './log-tail';
import type { HostedLog } from './use-hosted-service';

/**
 * The program's output, following live (scrolled to the newest line unless the admin scrolled up), with a
 * search box that narrows the tail as typed and, on Enter, searches every kept log file in the main process.
 */
export function HostedLogTail({ name, log }: { name: string; log: HostedLog }) {
  const ids = useId();
  const [search, setSearch] = useState('');
  const [matches, setMatches] = useState<{ text: string; result: HostedLogMatchesValue | null; error: string | null } | null>(null);
  const boxRef = useRef<HTMLPreElement>(null);
  const follow = useRef(true);
  const lines = filterTail(log.tail.lines, search);

  useEffect(() => {
    const box = boxRef.current;
    if (box && follow.current) box.scrollTop = box.scrollHeight;
  }, [lines.length, log.tail.nextId]);

  const searchFiles = () => {
    const text = search.trim();
    if (text === '') return;
    setMatches({ text, result: null, error: null });
    void request('services:searchHostedLog', { name, text, maxMatches: 200 }).then((r) =>
      setMatches(r.ok ? { text, result: r.value, error: null } : { text, result: null, error: r.error.message }),
    );
  };

  return (
    <section aria-labelledby={`${ids}-h`} data-testid="hosted-log" data-lines={log.tail.lines.length}>
      <h3 id={`${ids}-h`} className="details__heading">
        Output
      </h3>
      <div className="form__row">
        <input
          type="search"
          className="form__input"
          aria-label="Search the output"
          placeholder="Search (Enter: every kept log file)"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setMatches(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              searchFiles();
            }
          }}
          data-testid="hosted-log-search"
        />
      </div>
      {log.error ? <p className="status-line status-line--error">{`The log could not be read: ${log.error}`}</p> : null}
      {!log.loaded ? <p className="status-line">Reading the log…</p> : null}
      {log.loaded && !log.error && log.tail.lines.length === 0 ? <p className="status-line">No output yet.</p> : null}
      <pre
        ref={boxRef}
        className="run-output__text hosted__log"
        tabIndex={0}
        aria-label={search.trim() === '' ? 'The newest output lines' : `Output lines containing ${search.trim()}`}
        onScroll={(e) => {
          const box = e.currentTarget;
          follow.current = box.scrollTop + box.clientHeight >= box.scrollHeight - 4;
        }}
        data-testid="hosted-log-lines"
        data-shown={lines.length}
      >
        {lines.map((l) => (
          <span key={l.id} className={`hosted__line hosted__line--${l.source}`}>
            {`${l.text}\n`}
          </span>
        ))}
      </pre>
      {matches ? (
        <div data-testid="hosted-log-matches" role="status">
          {matches.error ? <p className="status-line status-line--error">{`Search failed: ${matches.error}`}</p> : null}
          {matches.result === null && matches.error === null ? <p className="status-line">{`Searching every kept file for “${matches.text}”…`}</p> : null}
          {matches.result ? (
            <>
              <p className="status-line">{`${matches.result.matches.length}${matches.result.truncated ? '+' : ''} line${matches.result.matches.length === 1 ? '' : 's'} with “${matches.text}” in ${matches.result.filesSearched} file${matches.result.filesSearched === 1 ? '' : 's'}.`}</p>
              <ul className="svc-list hosted__matches">
                {matches.result.matches.map((m, i) => (
                  <li key={i}>
                    <span className="form__hint">{`${m.file}:${m.line}`}</span> <code>{m.text}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
