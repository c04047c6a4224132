import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { applyKeyset, toPage, type Page } from '../common/pagination/pagination.js';
import { AuditEntry } from './audit-entry.entity.js';
import { toAuditEntryResponse, type AuditEntryResponse } from './dto/audit-entry.response.js';
import type { ListAuditQuery } from './dto/list-audit.query.js';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  address?: string;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /**
   * Writes one entry. Pass the transaction's manager when the act is part of one, so the entry
   * lands or rolls back with it.
   */
  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEntry) : this.entries;
    await repository.insert({
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      address: entry.address ?? null,
      details: entry.details ?? {},
    } as QueryDeepPartialEntity<AuditEntry>);
  }

  /**
   * Forgets what the trail holds about a person, on the caller's transaction (the right to
   * erasure): the addresses of the entries they made or that name them, and any hashed email.
   */
  async forget(manager: EntityManager, personId: string): Promise<void> {
    await manager.query(
      `UPDATE audit_log SET address = NULL, details = details - 'emailSha256' WHERE actor_id = $1 OR target_id = $1`,
      [personId],
    );
  }

  async list(query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    const builder = this.entries.createQueryBuilder('entry');
    if (query.action) builder.andWhere('entry.action = :action', { action: query.action });
    if (query.actorId) builder.andWhere('entry.actor_id = :actorId', { actorId: query.actorId });
    if (query.targetId) builder.andWhere('entry.target_id = :targetId', { targetId: query.targetId });
    if (query.since) builder.andWhere('entry.at >= :since', { since: query.since });
    if (query.until) builder.andWhere('entry.at < :until', { until: query.until });
    applyKeyset(builder, { columns: ['entry.at', 'entry.id'], direction: 'DESC' }, query);
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (entry) => [entry.at.toISOString(), entry.id], toAuditEntryResponse);
  }
}
