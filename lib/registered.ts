import type { FactPortal, Procedure } from '../procedures/types';

/**
 * THE «already registered» check (popup, portal page, its private frame, the background): a
 * procedure that registers the profile on a portal (`registers`) warns, from its first step up to
 * its registering step, when the profile is registered there already (its `facts`). Pure, no
 * storage: the content script, which never reads profiles, asks the background for `registeredOn`
 * and decides with `warnsRegistered`.
 */

/** the profile's registration on that portal (its fact: when), if any */
type Facts<F> = Partial<Record<FactPortal, F>> | null | undefined;

export function registeredOn<F>(facts: Facts<F>, portal: FactPortal | null | undefined): F | undefined {
  return portal && facts ? facts[portal] : undefined;
}

/** a profile registered on the procedure's portal is warned on this step (index in the procedure) */
export function warnsRegistered(proc: Pick<Procedure, 'steps' | 'registers'>, stepIndex: number, registered: boolean): boolean {
  const reg = proc.registers;
  return !!reg && registered && stepIndex >= 0 && stepIndex <= proc.steps.findIndex((s) => s.id === reg.step);
}

/** both at once, where the profile is at hand (the popup): the registration to warn of on this step */
export function alreadyRegistered<F>(proc: Pick<Procedure, 'steps' | 'registers'>, stepIndex: number, facts: Facts<F>): F | undefined {
  const fact = registeredOn(facts, proc.registers?.portal);
  return fact !== undefined && warnsRegistered(proc, stepIndex, true) ? fact : undefined;
}
