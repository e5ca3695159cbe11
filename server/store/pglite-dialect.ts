import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * A Kysely dialect over one PGlite instance. PGlite has a single session, so the driver hands
 * out that one connection to one caller at a time: a transaction (BEGIN … COMMIT) is never
 * interleaved with another request's statements. (kysely-pglite's own driver shares the session
 * without that guard, which breaks under concurrent transactions.)
 */
export class PGliteDialect implements Dialect {
  /** `closeClient: false` leaves the PGlite open when Kysely is destroyed (a shared client). */
  constructor(
    private readonly client: PGlite,
    private readonly closeClient = true,
    /** Set on every checkout: for test stores that share one PGlite, each in its own schema. */
    private readonly schema: string | null = null,
  ) {}

  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.client, this.closeClient, this.schema);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: PGlite,
    private readonly closeClient: boolean,
    private readonly schema: string | null,
  ) {
    this.connection = new PGliteConnection(client);
  }

  async init(): Promise<void> {
    await this.client.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    await previous;
    this.connection.release = release;
    if (this.schema !== null) await this.client.exec(`set search_path to ${this.schema}`);
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  releaseConnection(): Promise<void> {
    const release = this.connection.release;
    this.connection.release = null;
    release?.();
    return Promise.resolve();
  }
  async destroy(): Promise<void> {
    await this.queue;
    if (this.closeClient) await this.client.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  release: (() => void) | null = null;

  constructor(private readonly client: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected === undefined ? {} : { numAffectedRows: BigInt(affected) }),
    };
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results: page with a keyset instead.');
  }
}
