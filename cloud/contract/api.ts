import type { z } from 'zod';
import type { authInput, DevUser, LoginResult, Me } from './auth';
import type {
  catalogInput, Category, ServiceDetail, Service, Team, TeamDetail, TopicDetail, TopicSummary,
  VolunteerProfile, VolunteerSummary,
} from './catalog';
import type { Page } from './envelope';
import type { InboxPage, inboxInput } from './inbox';
import type { Order, OrderDetail, orderInput } from './order';
import type { Availability, taskInput, VolunteerStats } from './task';
import type { notifyInput, OutboxPage, Subscriptions } from './notify';
import type { Application, adminInput, applyInput, CandidateFitItem, ExportFile, OrgNode, Stats } from './admin';
import type {
  AccountUser, accountAdminInput, accountInput, EnterpriseApplication, EnterpriseApplicationForAdmin, Invite, LoginTicket, RoleGrant,
  TicketStatusAnswer, TicketView,
} from './accounts';
import type { CertificateFigures, CertificateFile, CheckInCodeAnswer, trustInput } from './trust';

type In<S extends z.ZodType> = z.input<S>;

/**
 * The function/action map both sides share: `Api[fn][action]` gives the input the client sends and
 * the data the server answers. The client imports this file as types only.
 */
export interface Api {
  auth: {
    devUsers: { input: In<typeof authInput.devUsers>; output: Page<DevUser> };
    devLogin: { input: In<typeof authInput.devLogin>; output: LoginResult };
    me: { input: In<typeof authInput.me>; output: Me };
    updateProfile: { input: In<typeof accountInput.updateProfile>; output: Me };
    bindPhone: { input: In<typeof accountInput.bindPhone>; output: Me };
    applyEnterprise: { input: In<typeof accountInput.applyEnterprise>; output: EnterpriseApplication };
    enterpriseApplication: { input: In<typeof accountInput.enterpriseApplication>; output: EnterpriseApplication | null };
    acceptInvite: { input: In<typeof accountInput.acceptInvite>; output: Me };
    logout: { input: In<typeof accountInput.logout>; output: { loggedOut: true } };
    refresh: { input: In<typeof accountInput.refresh>; output: LoginResult };
    loginTicket: { input: In<typeof accountInput.loginTicket>; output: LoginTicket };
    scanTicket: { input: In<typeof accountInput.scanTicket>; output: TicketView };
    confirmTicket: { input: In<typeof accountInput.confirmTicket>; output: TicketView };
    ticketStatus: { input: In<typeof accountInput.ticketStatus>; output: TicketStatusAnswer };
  };
  catalog: {
    categories: { input: In<typeof catalogInput.categories>; output: Page<Category> };
    orgs: { input: In<typeof catalogInput.orgs>; output: Page<OrgNode> };
    topics: { input: In<typeof catalogInput.topics>; output: Page<TopicSummary> };
    topic: { input: In<typeof catalogInput.topic>; output: TopicDetail };
    services: { input: In<typeof catalogInput.services>; output: Page<Service> };
    service: { input: In<typeof catalogInput.service>; output: ServiceDetail };
    volunteers: { input: In<typeof catalogInput.volunteers>; output: Page<VolunteerSummary> };
    volunteer: { input: In<typeof catalogInput.volunteer>; output: VolunteerProfile };
    teams: { input: In<typeof catalogInput.teams>; output: Page<Team> };
    team: { input: In<typeof catalogInput.team>; output: TeamDetail };
    verifyCertificate: { input: In<typeof trustInput.verifyCertificate>; output: CertificateFigures };
  };
  order: {
    create: { input: In<typeof orderInput.create>; output: Order };
    get: { input: In<typeof orderInput.get>; output: OrderDetail };
    mine: { input: In<typeof orderInput.mine>; output: Page<Order> };
    cancel: { input: In<typeof orderInput.cancel>; output: Order };
    reschedule: { input: In<typeof orderInput.reschedule>; output: Order };
    rate: { input: In<typeof orderInput.rate>; output: Order };
    confirm: { input: In<typeof orderInput.confirm>; output: Order };
    dispute: { input: In<typeof orderInput.dispute>; output: Order };
    reopen: { input: In<typeof orderInput.reopen>; output: Order };
    checkInCode: { input: In<typeof trustInput.checkInCode>; output: CheckInCodeAnswer };
  };
  task: {
    inbox: { input: In<typeof taskInput.inbox>; output: Page<Order> };
    pool: { input: In<typeof taskInput.pool>; output: Page<Order> };
    accept: { input: In<typeof taskInput.accept>; output: Order };
    decline: { input: In<typeof taskInput.decline>; output: Order };
    grab: { input: In<typeof taskInput.grab>; output: Order };
    checkIn: { input: In<typeof taskInput.checkIn>; output: Order };
    complete: { input: In<typeof taskInput.complete>; output: Order };
    handBack: { input: In<typeof trustInput.handBack>; output: Order };
    certificate: { input: In<typeof trustInput.certificate>; output: CertificateFile };
    availability: { input: In<typeof taskInput.availability>; output: Availability };
    setAvailability: { input: In<typeof taskInput.setAvailability>; output: Availability };
    stats: { input: In<typeof taskInput.stats>; output: VolunteerStats };
    apply: { input: In<typeof applyInput>; output: Application };
    application: { input: In<typeof taskInput.application>; output: Application | null };
  };
  admin: {
    dispatch: { input: In<typeof adminInput.dispatch>; output: Order };
    candidates: { input: In<typeof adminInput.candidates>; output: Page<CandidateFitItem> };
    transfer: { input: In<typeof adminInput.transfer>; output: Order };
    overdue: { input: In<typeof adminInput.overdue>; output: Page<Order> };
    orders: { input: In<typeof adminInput.orders>; output: Page<Order> };
    orgs: { input: In<typeof adminInput.orgs>; output: Page<OrgNode & { inScope: boolean }> };
    applications: { input: In<typeof adminInput.applications>; output: Page<Application> };
    reviewVolunteer: { input: In<typeof adminInput.reviewVolunteer>; output: Application };
    saveTopic: { input: In<typeof adminInput.saveTopic>; output: TopicSummary };
    saveService: { input: In<typeof adminInput.saveService>; output: Service };
    saveTeam: { input: In<typeof adminInput.saveTeam>; output: Team };
    setMember: { input: In<typeof adminInput.setMember>; output: TeamDetail };
    showcase: { input: In<typeof adminInput.showcase>; output: { id: string; showcase: boolean } };
    stats: { input: In<typeof adminInput.stats>; output: Stats };
    export: { input: In<typeof adminInput.export>; output: ExportFile };
    enterprises: { input: In<typeof accountAdminInput.enterprises>; output: Page<EnterpriseApplicationForAdmin> };
    reviewEnterprise: { input: In<typeof accountAdminInput.reviewEnterprise>; output: EnterpriseApplicationForAdmin };
    invite: { input: In<typeof accountAdminInput.invite>; output: Invite };
    users: { input: In<typeof accountAdminInput.users>; output: Page<AccountUser> };
    revokeRole: { input: In<typeof accountAdminInput.revokeRole>; output: AccountUser };
    roleGrants: { input: In<typeof accountAdminInput.roleGrants>; output: Page<RoleGrant> };
    outbox: { input: In<typeof notifyInput.outbox>; output: OutboxPage };
  };
  inbox: {
    list: { input: In<typeof inboxInput.list>; output: InboxPage };
    read: { input: In<typeof inboxInput.read>; output: { updated: number; unread: number } };
    subscribe: { input: In<typeof notifyInput.subscribe>; output: Subscriptions };
    subscriptions: { input: In<typeof notifyInput.subscriptions>; output: Subscriptions };
  };
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer I;
}
  ? I
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  output: infer O;
}
  ? O
  : never;
