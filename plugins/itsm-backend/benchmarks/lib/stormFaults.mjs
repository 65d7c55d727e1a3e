// The faults of the storm benchmark: a `kill -9` of a backend instance's
// whole process group followed by a restart, and dropped database sessions.

/** Kills the instance's process group with SIGKILL and waits for its exit. */
export async function killHard(instance) {
  process.kill(-instance.pid, 'SIGKILL');
  for (let i = 0; i < 200 && instance.exited() === null; i++) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  if (instance.exited() === null) {
    throw new Error(`backend pid ${instance.pid} survived SIGKILL`);
  }
}

/**
 * Terminates every session of the backends on `database` (all but the
 * benchmark's own, named `ownName`); the number terminated.
 */
export async function dropSessions(db, database, ownName) {
  const { rows } = await db.query(
    `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n
       FROM pg_stat_activity
      WHERE datname = $1 AND pid <> pg_backend_pid()
        AND application_name <> $2`,
    [database, ownName],
  );
  return rows[0].n;
}
