import { useCallback, useEffect, useState } from 'react';
import type { Whoami } from '../../shared/api/contract';
import { call } from '../api/call';

/**
 * Who the server says the caller is. The answer only shapes what the screen
 * offers (e.g. the staff entry); every action is authorised again on the server.
 */
let cached: Whoami | null = null;

export function forgetWhoami(): void {
  cached = null;
}

export function useWhoami(): { whoami: Whoami | null; failed: boolean; reload: () => void } {
  const [whoami, setWhoami] = useState<Whoami | null>(cached);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    call('session', 'whoami', {})
      .then((me) => {
        cached = me;
        if (live) {
          setWhoami(me);
          setFailed(false);
        }
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { whoami, failed, reload };
}
