import type { CustomerDetail, CustomerFieldsInput, CustomerSource, Gender, NeedType } from '../../../../shared/contract/customers';

/** What the form holds: text as typed; turned into the handler's input only on save. */
export interface CustomerFormState {
  name: string;
  phones: string[];
  email: string;
  birthdayMonth: string;
  birthdayDay: string;
  birthdayYear: string;
  gender: Gender | '';
  address: string;
  tags: string;
  interests: string;
  notes: string;
  source: CustomerSource | '';
  needType: NeedType | '';
  ownerStaffId: string;
  consentToContact: boolean;
}

export const emptyForm: CustomerFormState = {
  name: '',
  phones: [''],
  email: '',
  birthdayMonth: '',
  birthdayDay: '',
  birthdayYear: '',
  gender: '',
  address: '',
  tags: '',
  interests: '',
  notes: '',
  source: '',
  needType: '',
  ownerStaffId: '',
  consentToContact: false,
};

export const formFromCustomer = (customer: CustomerDetail): CustomerFormState => ({
  name: customer.name,
  phones: customer.phones.length > 0 ? customer.phones.map((phone) => phone.display) : [''],
  email: customer.email,
  birthdayMonth: customer.birthday ? String(customer.birthday.month) : '',
  birthdayDay: customer.birthday ? String(customer.birthday.day) : '',
  birthdayYear: customer.birthday?.year ? String(customer.birthday.year) : '',
  gender: customer.gender ?? '',
  address: customer.address,
  tags: customer.tags.join(', '),
  interests: customer.interests.join(', '),
  notes: customer.notes,
  source: customer.source ?? '',
  needType: customer.needType ?? '',
  ownerStaffId: customer.ownerStaffId ?? '',
  consentToContact: customer.consentToContact,
});

/** Commas in any script (, ， 、) separate labels. */
const splitLabels = (text: string): string[] =>
  text
    .split(/[,，、]/)
    .map((label) => label.trim())
    .filter((label) => label !== '');

const wholeNumberOrText = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text);

/**
 * The handler's input. A half-filled birthday is passed on as typed so the core's validation names
 * the field, rather than the form silently dropping it.
 */
export const formToInput = (form: CustomerFormState): CustomerFieldsInput => {
  const hasBirthday = form.birthdayMonth !== '' || form.birthdayDay !== '' || form.birthdayYear !== '';
  return {
    name: form.name,
    phones: form.phones.map((phone) => phone.trim()).filter((phone) => phone !== ''),
    email: form.email,
    birthday: hasBirthday
      ? ({
          month: wholeNumberOrText(form.birthdayMonth),
          day: wholeNumberOrText(form.birthdayDay),
          year: form.birthdayYear.trim() === '' ? null : wholeNumberOrText(form.birthdayYear),
        } as CustomerFieldsInput['birthday'])
      : null,
    gender: form.gender === '' ? null : form.gender,
    address: form.address,
    tags: splitLabels(form.tags),
    interests: splitLabels(form.interests),
    notes: form.notes,
    source: form.source === '' ? null : form.source,
    needType: form.needType === '' ? null : form.needType,
    ownerStaffId: form.ownerStaffId === '' ? null : form.ownerStaffId,
    consentToContact: form.consentToContact,
  };
};
