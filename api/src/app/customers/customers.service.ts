import {
  CustomerDetail,
  CustomerSort,
  CustomerSummary,
  Page,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService, escapeLike } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { conflict, notFound } from '../common/errors';
import { toPage } from '../common/pagination/page-query.dto';
import {
  CreateCustomerDto,
  UpdateCustomerDto,
} from './dto/create-customer.dto';
import { ListCustomersQueryDto } from './dto/list-customers-query.dto';
import { Customer } from './entities/customer.entity';
import { loadCustomerHistory, SummaryRow, toSummary } from './customer-rows';

const SORT_SQL: Record<CustomerSort, string> = {
  name: 'c.name ASC',
  '-name': 'c.name DESC',
  createdAt: 'c.created_at ASC',
  '-createdAt': 'c.created_at DESC',
  purchaseValue: 'c.purchase_value ASC',
  '-purchaseValue': 'c.purchase_value DESC',
  lastScore: 'cs.last_score ASC NULLS LAST',
  '-lastScore': 'cs.last_score DESC NULLS LAST',
};

@Injectable()
export class CustomersService {
  constructor(
    @InjectRepository(Customer)
    private readonly customers: Repository<Customer>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The customer a joining advocate becomes: an existing record by email, else a new one. */
  async findOrCreateByEmail(
    manager: EntityManager,
    email: string,
    name: string,
  ): Promise<Customer> {
    const repository = manager.getRepository(Customer);
    await repository
      .createQueryBuilder()
      .insert()
      .values({ email, name })
      .orIgnore()
      .execute();
    return repository.findOneByOrFail({ email });
  }

  findById(id: string): Promise<Customer | null> {
    return this.customers.findOneBy({ id });
  }

  async list(query: ListCustomersQueryDto): Promise<Page<CustomerSummary>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.q?.trim()) {
      params.push(`%${escapeLike(query.q.trim())}%`);
      const p = `$${params.length}`;
      where.push(
        `(c.name ILIKE ${p} OR c.email ILIKE ${p} OR c.external_id ILIKE ${p})`,
      );
    }
    if (query.segment) {
      params.push(query.segment);
      where.push(`cs.segment_key = $${params.length}`);
    }
    const from = `FROM customers c LEFT JOIN customer_segments cs ON cs.customer_id = c.id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total ${from}`,
      params,
    );
    const rows = await this.db.query<SummaryRow[]>(
      `SELECT c.*, cs.segment_key, cs.nps_category, cs.last_score ${from}
        ORDER BY ${SORT_SQL[query.sort ?? 'name']}, c.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    return toPage(rows.map(toSummary), total, query);
  }

  async detail(id: string): Promise<CustomerDetail> {
    const [row] = await this.db.query<SummaryRow[]>(
      `SELECT c.*, cs.segment_key, cs.nps_category, cs.last_score
         FROM customers c LEFT JOIN customer_segments cs ON cs.customer_id = c.id
        WHERE c.id = $1`,
      [id],
    );
    if (!row) throw notFound('Customer');
    const history = await loadCustomerHistory(this.db, id);
    return {
      ...toSummary(row),
      firstPurchaseAt: row.first_purchase_at?.toISOString() ?? null,
      lastPurchaseAt: row.last_purchase_at?.toISOString() ?? null,
      consentEmail: row.consent_email,
      consentMarketing: row.consent_marketing,
      lastAdvocacyAt: row.last_advocacy_at?.toISOString() ?? null,
      ambassadorSince: row.ambassador_since?.toISOString() ?? null,
      updatedAt: row.updated_at.toISOString(),
      ...history,
    };
  }

  async create(
    ctx: RequestContext,
    body: CreateCustomerDto,
  ): Promise<CustomerDetail> {
    const id = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Customer);
      const values = toColumns(body);
      await this.assertUnique(manager, values);
      const created = await repository.save(repository.create(values));
      await this.audit.record(
        ctx,
        {
          action: 'customer.created',
          entityType: 'customer',
          entityId: created.id,
          after: created,
        },
        manager,
      );
      return created.id;
    });
    return this.detail(id);
  }

  async update(
    ctx: RequestContext,
    id: string,
    body: UpdateCustomerDto,
  ): Promise<CustomerDetail> {
    await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Customer);
      const customer = await repository.findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!customer) throw notFound('Customer');
      const before = { ...customer };
      const values = toColumns(body);
      await this.assertUnique(manager, values, id);
      Object.assign(customer, values);
      await repository.save(customer);
      await this.audit.record(
        ctx,
        {
          action: 'customer.updated',
          entityType: 'customer',
          entityId: id,
          before,
          after: customer,
        },
        manager,
      );
    });
    return this.detail(id);
  }

  private async assertUnique(
    manager: EntityManager,
    values: Partial<Customer>,
    exceptId?: string,
  ): Promise<void> {
    const errors: Record<string, string> = {};
    const clash = async (column: 'email' | 'externalId', value: string) => {
      const found = await manager
        .getRepository(Customer)
        .findOneBy({ [column]: value });
      return found !== null && found.id !== exceptId;
    };
    if (values.email && (await clash('email', values.email)))
      errors['email'] = 'belongs to another customer';
    if (values.externalId && (await clash('externalId', values.externalId))) {
      errors['externalId'] = 'belongs to another customer';
    }
    if (Object.keys(errors).length > 0)
      throw conflict('Another customer already has these details', errors);
  }
}

function toColumns(body: UpdateCustomerDto): Partial<Customer> {
  const values: Partial<Customer> = {};
  if (body.email !== undefined) values.email = body.email.trim().toLowerCase();
  if (body.name !== undefined) values.name = body.name.trim();
  if (body.externalId !== undefined)
    values.externalId = body.externalId?.trim() || null;
  if (body.purchaseCount !== undefined)
    values.purchaseCount = body.purchaseCount;
  if (body.purchaseValue !== undefined)
    values.purchaseValue = body.purchaseValue.toFixed(2);
  if (body.firstPurchaseAt !== undefined)
    values.firstPurchaseAt = body.firstPurchaseAt
      ? new Date(body.firstPurchaseAt)
      : null;
  if (body.lastPurchaseAt !== undefined)
    values.lastPurchaseAt = body.lastPurchaseAt
      ? new Date(body.lastPurchaseAt)
      : null;
  if (body.consentEmail !== undefined) values.consentEmail = body.consentEmail;
  if (body.consentMarketing !== undefined)
    values.consentMarketing = body.consentMarketing;
  return values;
}
