import { closeDatabase, database } from '@/db/index';
import { hashSecret } from '@/lib/passwords';
import { BENCH_PASSWORD, emptyOrReset, generateBenchData } from './data/generate';
import { distribution } from './data/summary';
import { progressBar } from './lib/progress';
import { benchEnvironment, integerOptions } from './lib/setup';

// npm run bench:data -- --sellers 1000 --buyers 100000 --ratings 1000000 [--reset]
// Fills the benchmark database (DATABASE_URL, or the embedded one in .data/bench) with synthetic
// accounts, encounters and ratings. Refuses a database holding anything but benchmark data.
async function main() {
  const where = benchEnvironment();
  const size = integerOptions({ sellers: 1000, buyers: 100_000, ratings: 1_000_000 }, ['reset']);
  const db = database();
  await db.migrate();
  await emptyOrReset(db.db, size.flags.reset!);

  console.log(`Filling the ${where.database} database: ${size.sellers} sellers, ${size.buyers} buyers, ~${size.ratings} ratings.`);
  const started = Date.now();
  const counts = await generateBenchData(db.db, size, await hashSecret(BENCH_PASSWORD), progressBar());
  const seconds = (Date.now() - started) / 1000;
  const shape = await distribution(db.db);
  console.log(`\nDone in ${seconds.toFixed(1)} s.`);
  console.table({ ...counts, unsafeShare: +(counts.unsafe / counts.sellerRatings).toFixed(4) });
  console.log('Ratings per buyer (buyer as ratee):');
  console.table(shape);
  console.log(`Accounts are bench-s1…bench-s${size.sellers} and bench-b1…bench-b${size.buyers}, password "${BENCH_PASSWORD}".`);
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
