// The cluster property model: a descriptor with the attributes a property's reference page lists,
// and immutable values checked against it.
import { type Dword, hex32, isDword } from './dword';

export interface DocumentedValue {
  readonly name: string;
  readonly value: Dword;
  readonly description: string;
}

export interface PropertyDescriptor {
  readonly name: string;
  readonly summary: string;
  readonly dataType: 'DWORD';
  readonly access: 'read-only' | 'read-write';
  readonly status: 'required' | 'optional';
  readonly structure: 'CLUSPROP_DWORD';
  readonly minimum: Dword;
  readonly maximum: Dword;
  readonly default: Dword;
  readonly values: readonly DocumentedValue[];
}

/** A value outside the descriptor's minimum..maximum (or not a whole number). */
export class PropertyRangeError extends RangeError {
  override readonly name = 'PropertyRangeError';
  constructor(readonly property: string, readonly value: number, min: Dword, max: Dword) {
    super(`${property}: ${String(value)} is out of range (${hex32(min)}..${hex32(max)})`);
  }
}

/** Any attempt to change a read-only property. */
export class ReadOnlyPropertyError extends Error {
  override readonly name = 'ReadOnlyPropertyError';
  constructor(readonly property: string) {
    super(`${property} is read-only and cannot be set`);
  }
}

export function defineProperty(descriptor: PropertyDescriptor): PropertyDescriptor {
  const { minimum, maximum } = descriptor;
  if (!isDword(minimum) || !isDword(maximum) || minimum > maximum) throw new RangeError(`${descriptor.name}: bad range`);
  for (const v of [descriptor.default, ...descriptor.values.map((d) => d.value)]) {
    if (v < minimum || v > maximum) throw new PropertyRangeError(descriptor.name, v, minimum, maximum);
  }
  return deepFreeze(descriptor);
}

/** A frozen value of a property. Assigning to `value` throws ReadOnlyPropertyError. */
export class PropertyValue {
  readonly #value: Dword;
  constructor(readonly property: PropertyDescriptor, value: number = property.default) {
    if (!Number.isInteger(value) || value < property.minimum || value > property.maximum) {
      throw new PropertyRangeError(property.name, value, property.minimum, property.maximum);
    }
    this.#value = value;
    Object.freeze(this);
  }

  get value(): Dword {
    return this.#value;
  }

  set value(_: Dword) {
    throw new ReadOnlyPropertyError(this.property.name);
  }

  /** The entry of the property's value table for this value, if it has one. */
  get documented(): DocumentedValue | undefined {
    return this.property.values.find((d) => d.value === this.#value);
  }

  /** A new value of a read-write property; a read-only property throws ReadOnlyPropertyError. */
  with(value: number): PropertyValue {
    if (this.property.access === 'read-only') throw new ReadOnlyPropertyError(this.property.name);
    return new PropertyValue(this.property, value);
  }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
