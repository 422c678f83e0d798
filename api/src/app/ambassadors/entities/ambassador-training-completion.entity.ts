import {
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { AmbassadorTrainingModule } from './ambassador-training-module.entity';

@Entity('ambassador_training_completions')
export class AmbassadorTrainingCompletion {
  @PrimaryColumn({ type: 'uuid' })
  moduleId: string;

  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => AmbassadorTrainingModule, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'module_id',
    foreignKeyConstraintName: 'ambassador_training_completions_module_id_fkey',
  })
  module?: AmbassadorTrainingModule;

  @CreateDateColumn({ type: 'timestamptz' })
  completedAt: Date;
}
