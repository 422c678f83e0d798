import { CreateCustomerRequest, CustomerDetail } from '@advocacy/shared';

/** The editable fields as the form holds them: numbers as text, dates as yyyy-mm-dd. */
export interface CustomerFormValue {
  name: string;
  email: string;
  externalId: string;
  purchaseCount: string;
  purchaseValue: string;
  firstPurchaseAt: string;
  lastPurchaseAt: string;
  consentEmail: boolean;
  consentMarketing: boolean;
}

export function formValueOf(
  customer: CustomerDetail | null,
): CustomerFormValue {
  return {
    name: customer?.name ?? '',
    email: customer?.email ?? '',
    externalId: customer?.externalId ?? '',
    purchaseCount: String(customer?.purchaseCount ?? 0),
    purchaseValue: String(customer?.purchaseValue ?? 0),
    firstPurchaseAt: customer?.firstPurchaseAt?.slice(0, 10) ?? '',
    lastPurchaseAt: customer?.lastPurchaseAt?.slice(0, 10) ?? '',
    consentEmail: customer?.consentEmail ?? false,
    consentMarketing: customer?.consentMarketing ?? false,
  };
}

/** Blank optional fields become null so an edit can clear them; bad numbers reach the server as-is and come back as field errors. */
export function requestOf(value: CustomerFormValue): CreateCustomerRequest {
  return {
    name: value.name.trim(),
    email: value.email.trim(),
    externalId: value.externalId.trim() || null,
    purchaseCount: Number(value.purchaseCount || 0),
    purchaseValue: Number(value.purchaseValue || 0),
    firstPurchaseAt: value.firstPurchaseAt || null,
    lastPurchaseAt: value.lastPurchaseAt || null,
    consentEmail: value.consentEmail,
    consentMarketing: value.consentMarketing,
  };
}
