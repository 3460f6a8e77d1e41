export {
  ADDRESS_REFUSALS,
  AddressPolicy,
  AddressPolicyError,
  type AddressPolicyReason,
  type AddressPolicyStage,
  type AddressRefusal,
  type AddressVerdict,
  type CheckedDestination,
} from './address-policy';
export { HostResolutionError, HostResolver } from './host-resolver';
