import { useId, type ReactNode } from 'react';

/** A titled, honest "nothing here yet" block: says what is missing and what will come. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="empty-state" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
