/**
 * The shapes of the hearth HTTP contract, named for the client. They are generated from
 * server/openapi.yaml (contract.gen.ts), so the client's types and the server cannot drift: when
 * the document changes, `npm test` fails until the generated file is refreshed, and
 * test/types/contract.check.ts fails to compile when a hand-written client type no longer fits.
 * Type-only: nothing here reaches a bundle.
 */
import type { components } from './contract.gen.js';

type Schemas = components['schemas'];

export type Session = Schemas['Session'];
export type User = Schemas['User'];
export type MessageRequest = Schemas['MessageRequest'];
export type MessageCreated = Schemas['MessageCreated'];
export type Specialist = Schemas['Specialist'];
export type Slot = Schemas['Slot'];
export type Availability = Schemas['Availability'];
export type BookingRequest = Schemas['BookingRequest'];
export type BookingCreated = Schemas['BookingCreated'];
export type ManagedBooking = Schemas['ManagedBooking'];
export type Problem = Schemas['Problem'];
export type ContractCslItem = Schemas['CslItem'];
export type Role = Schemas['Role'];
export type Person = Schemas['Person'];
export type ConversationSummary = Schemas['ConversationSummary'];
export type ConversationItem = Schemas['ConversationItem'];
export type ConversationPage = Schemas['ConversationPage'];
export type ConversationMessage = Schemas['ConversationMessage'];
export type ConversationDetail = Schemas['ConversationDetail'];
export type ConversationUpdate = Schemas['ConversationUpdate'];
export type ReplyRequest = Schemas['ReplyRequest'];
export type StaffMember = Schemas['StaffMember'];
export type StaffInvite = Schemas['StaffInvite'];
export type SpecialistDetail = Schemas['SpecialistDetail'];
export type SpecialistInput = Schemas['SpecialistInput'];
export type SpecialistUpdate = Schemas['SpecialistUpdate'];
export type LocalWindow = Schemas['LocalWindow'];
export type Hours = Schemas['Hours'];
export type Service = Schemas['Service'];
export type ServiceInput = Schemas['ServiceInput'];
export type StaffBooking = Schemas['StaffBooking'];
export type StaffBookingPage = Schemas['StaffBookingPage'];
export type RescheduleRequest = Schemas['RescheduleRequest'];
