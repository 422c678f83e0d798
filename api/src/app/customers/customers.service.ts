import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Customer } from './entities/customer.entity';

@Injectable()
export class CustomersService {
  constructor(
    @InjectRepository(Customer)
    private readonly customers: Repository<Customer>,
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
}
