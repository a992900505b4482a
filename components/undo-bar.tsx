import { useEffect, useState } from 'react';

/** A message with an Undo button that lasts `ms` (the undo window), then goes by itself. */
export function UndoBar({ message, ms, onUndo, onDone }: { message: string; ms: number; onUndo: () => void; onDone: () => void }) {
  const [left, setLeft] = useState(Math.ceil(ms / 1000));
  useEffect(() => {
    const started = Date.now();
    const tick = setInterval(() => {
      const remaining = Math.ceil((ms - (Date.now() - started)) / 1000);
      if (remaining <= 0) {
        clearInterval(tick);
        onDone();
      } else setLeft(remaining);
    }, 250);
    return () => clearInterval(tick);
  }, [ms, onDone]);
  return (
    <div className="undo-bar" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>Undo ({left}s)</button>
    </div>
  );
}
