import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
  untracked,
} from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { ApplicationAnswers, FormField } from '@advocacy/shared';
import { FieldErrorComponent } from '../forms/field-error.component';
import {
  AnswerControl,
  answersOf,
  buildAnswersGroup,
  textLimitOf,
} from './answers';

/**
 * Renders an application form version. The same rules as the server check each answer as it is
 * typed; server field errors arrive through `ServerErrors.apply(host.group, …)` as `answers.<key>`.
 */
@Component({
  selector: 'app-application-form',
  imports: [
    FieldErrorComponent,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatRadioButton,
    MatRadioGroup,
    ReactiveFormsModule,
  ],
  templateUrl: './application-form.component.html',
  styleUrl: './application-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationFormComponent {
  readonly fields = input.required<FormField[]>();
  /** Read once per form version, so saving a draft never resets what is being typed. */
  readonly initial = input<ApplicationAnswers>({});
  /** Any answer changed (first change = the applicant started). */
  readonly changed = output<void>();

  /** `answers` nests the questions so server keys `answers.<key>` find their control. */
  readonly group = computed(() => {
    const answers = buildAnswersGroup(this.fields(), untracked(this.initial));
    const group = new FormGroup({ answers });
    group.valueChanges.subscribe(() => this.changed.emit());
    return group;
  });

  protected readonly limit = textLimitOf;

  protected control(key: string): AnswerControl {
    return this.group().controls.answers.controls[key];
  }

  protected toggle(key: string, option: string, checked: boolean): void {
    const control = this.control(key);
    const current = Array.isArray(control.value) ? control.value : [];
    control.setValue(
      checked ? [...current, option] : current.filter((v) => v !== option),
    );
    control.markAsTouched();
  }

  protected isChecked(key: string, option: string): boolean {
    const value = this.control(key).value;
    return Array.isArray(value) && value.includes(option);
  }

  protected showError(key: string): boolean {
    const control = this.control(key);
    return control.invalid && control.touched;
  }

  answers(): ApplicationAnswers {
    return answersOf(this.fields(), this.group().controls.answers);
  }

  /** Shows every problem at once; true when the answers may be submitted. */
  check(): boolean {
    this.group().markAllAsTouched();
    return this.group().valid;
  }
}
