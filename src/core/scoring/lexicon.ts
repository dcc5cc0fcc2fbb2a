/**
 * The scorer's small thesaurus: words a candidate uses for the same idea ("evict", "invalidate", "purge" a cache
 * entry; "retry", "resend", "redeliver"). Each group maps every member's stem to the group's first stem, so a rubric
 * signal written with one word matches an answer that uses another. Groups are about software engineering senses
 * only; a word with several senses is left out rather than merged wrongly.
 */
import { stemmer } from 'stemmer';

const GROUPS: readonly string[] = [
  'delete remove invalidate evict purge drop expire',
  'stale outdated old obsolete',
  'duplicate twice double dupe dedupe deduplicate repeated',
  'retry resend redeliver replay retried',
  'crash die dies died fail fails failed failure outage down incident incidents',
  'lock locking mutex latch',
  'customer tenant client org organization organisation account',
  'user users person people shopper',
  'database db postgres postgresql mysql datastore',
  'transaction txn tx',
  'queue topic stream broker',
  'message event msg',
  'latency slow slowness delay',
  'fast quick quickly speed',
  'cheap cheaper inexpensive',
  'expensive costly',
  'big large huge massive',
  'small tiny little',
  'consistent consistency correct correctness',
  'replica follower secondary standby',
  'primary leader master writer',
  'request call',
  'processor provider psp acquirer',
  'response reply answer',
  'id identifier key',
  'unique distinct',
  'error exception',
  'timeout deadline',
  'index indexes indices indexed',
  'measure metric metrics monitor monitoring dashboard dashboards observe observability alert alerts alerting',
  'log logs logging',
  'rollback revert undo',
  'deploy deployment release rollout ship',
  'test tests testing tested',
  'shard shards sharding partition partitions partitioning',
  'scale scaling scalable grow growth',
  'tradeoff trade compromise',
  'conflict collision clash',
  'order ordering sequence sequenced',
  'count counter tally',
  'limit limiting cap quota throttle throttling',
  'bucket window',
  'memory ram',
  'disk storage',
  'hash hashing checksum',
  'client caller consumer',
  'server service backend',
  'cache cached caching memoize',
  'ask clarify confirm',
  'assume assumption assuming',
  'estimate roughly approximately ballpark',
  'guarantee ensure guarantees',
  'atomic atomically indivisible',
  'concurrent concurrently parallel simultaneous simultaneously race',
  'idempotent idempotency idempotence',
  'mitigate mitigation contain stabilize stabilise',
  'migrate migration migrated migrating move moved moving cutover upgrade upgraded alter altered backfill',
  'learn learned learnt lesson lessons takeaway',
  'team colleague colleagues teammate teammates peer peers',
  'manager lead boss',
  'disagree disagreement pushback objection argue argued argument debate debated convinced',
  'result outcome impact',
  'customer customers',
];

const CANON = new Map<string, string>();
for (const group of GROUPS) {
  const stems = group.split(' ').map((w) => stemmer(w));
  const head = stems[0] ?? '';
  for (const s of stems) if (!CANON.has(s)) CANON.set(s, head);
}

/** The representative stem of `stem`'s synonym group, or `stem` itself. */
export function canonicalStem(stem: string): string {
  return CANON.get(stem) ?? stem;
}
