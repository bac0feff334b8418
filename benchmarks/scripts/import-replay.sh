#!/bin/bash
# One variant of the import replay (import-replay.sql) on a scratch PostgreSQL already migrated to the service's schema
# (every file of adapters-persistence/src/main/resources/db/migration applied in version order, then
# import-replay.sql), reached by psql with PGHOST/PGPORT/PGUSER (a superuser: the backend reads /proc/self/stat).
# Usage: import-replay.sh true|false PAGES   (true: time-ordered ids; 200 pages = 100,000 leads from empty tables)
# Prints: variant, leads, backend CPU ms per lead, wall seconds, WAL bytes per lead, size of the three tables' indexes,
# load average.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
psql=(psql -Atq -v ON_ERROR_STOP=1 postgres)
"${psql[@]}" -c "TRUNCATE leads, audit_logs CASCADE" -c "VACUUM ANALYZE leads" -c "VACUUM lead_status_history" \
    -c "VACUUM audit_logs" -c "CHECKPOINT"
"${psql[@]}" <<SQL
CREATE TEMP TABLE replay_start AS
    SELECT pg_current_wal_lsn() AS wal, clock_timestamp() AS at, replay_backend_ticks() AS ticks;
CALL replay_import($2, $1);
SELECT '$1', $2 * 500,
       round((replay_backend_ticks() - ticks) * 10.0 / ($2 * 500), 4),
       round(extract(epoch FROM clock_timestamp() - at)::numeric, 1),
       round(pg_wal_lsn_diff(pg_current_wal_lsn(), wal) / ($2 * 500)),
       (SELECT pg_size_pretty(sum(pg_relation_size(indexrelid))) FROM pg_index
        WHERE indrelid IN ('leads'::regclass, 'lead_status_history'::regclass, 'audit_logs'::regclass)),
       '$(cut -d' ' -f1-3 /proc/loadavg)'
FROM replay_start;
SQL
