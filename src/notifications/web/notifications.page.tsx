import type { Page } from '../../common/pagination/pagination.js';
import { Form, SubmitButton } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { NotificationResponse } from '../dto/notification.response.js';

/** The visitor's notifications, unread first, each with its page and a way to mark it read. */
export function NotificationsPage({ list, unread }: { list: Page<NotificationResponse>; unread: number }) {
  const { t, href, formatDateTime } = usePage();
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      {unread > 0 ? (
        <Form action={href('/notifications/read-all')}>
          <SubmitButton variant="secondary">{t('notifications.markAllRead')}</SubmitButton>
        </Form>
      ) : null}
      {list.items.length === 0 ? (
        <p>{t('notifications.none')}</p>
      ) : (
        <ul class="cards notifications">
          {list.items.map((notification) => (
            <li class={notification.readAt ? 'card' : 'card card-unread'}>
              <h2>
                {notification.readAt ? null : <span class="tag">{t('notifications.unread')}</span>}{' '}
                {notification.subject}
              </h2>
              <p class="muted">{formatDateTime(notification.createdAt)}</p>
              <p class="notification-text">{notification.text}</p>
              <p class="button-row">
                <a href={notification.link}>{t('notifications.open')}</a>
                {notification.readAt ? null : (
                  <Form action={href(`/notifications/${notification.id}/read`)} class="inline-form">
                    <SubmitButton variant="secondary">{t('notifications.markRead')}</SubmitButton>
                  </Form>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.nextCursor ? (
        <p>
          <a href={href(`/notifications?cursor=${encodeURIComponent(list.nextCursor)}`)}>
            {t('notifications.older')}
          </a>
        </p>
      ) : null}
    </>
  );
}
