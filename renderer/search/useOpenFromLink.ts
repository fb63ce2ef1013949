import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Opens the record named by `?id=` (how 全局搜索 opens a need, resource or unit on its list screen), once per
 * link, then drops the parameter so going back or refreshing does not reopen it.
 */
export function useOpenFromLink(open: (id: number) => void): void {
  const [params, setParams] = useSearchParams();
  const ref = useRef(open);
  useEffect(() => {
    ref.current = open;
  });
  const id = Number(params.get('id'));
  useEffect(() => {
    if (!Number.isInteger(id) || id <= 0) return;
    ref.current(id);
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete('id');
        return next;
      },
      { replace: true },
    );
  }, [id, setParams]);
}
