/** `npm run seed`: throw the database away and seed the demo afresh. */
import { rmSync } from "node:fs";
import { databasePath, openDatabase } from "../db/client.server";
import { seedDemo } from "../db/seed";

const file = databasePath();
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
const db = openDatabase(file);
await seedDemo(db);
db.$client.close();
console.log(`Seeded the demo data into ${file}`);
