import { migration001 } from './001-customer-book';
import { migration002 } from './002-audit-log';
import { migration003 } from './003-search-row-from-customer';
import { migration004 } from './004-owner-and-merges';
import { migration005 } from './005-reminders';
import { migration006 } from './006-backups';
import { migration007 } from './007-referrals';
import { migration008 } from './008-complaints';
import { migration009 } from './009-loyalty';
import { migration010 } from './010-month-figures';
import { migration011 } from './011-imported-history';
import { migration012 } from './012-derive';
import { migration013 } from './013-name-search-keys';
import { migration014 } from './014-slim-visit-indexes';
import { migration015 } from './015-value-model';
import { migration017 } from './017-import-runs';
import { migration019 } from './019-covering-read-indexes';
import { migration021 } from './021-sync';
import { migration022 } from './022-sync-devices';
import { migration023 } from './023-sync-peer-heard';
import { migration024 } from './024-sync-who';
import { migration025 } from './025-sync-links';
import { migration028 } from './028-sync-book-keys';
import { migration029 } from './029-sync-held';
import { migration030 } from './030-reference-indexes';
import { migration031 } from './031-referred-first-timers';
import type { Migration } from './types';

/** In strictly increasing order of version. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration017, migration019, migration021, migration022, migration023, migration024, migration025, migration028, migration029, migration030, migration031];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
