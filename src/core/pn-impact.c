/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-impact"

#include "config.h"

#include "pn-impact.h"

#include "pn-date.h"
#include "pn-engine.h"
#include "pn-enums.h"
#include "pn-export.h"
#include "pn-money.h"

struct _PnImpact
{
  GPtrArray *clients;   /* PnClientImpact */
  GPtrArray *periods;   /* PnImpactPeriod */
};

G_DEFINE_BOXED_TYPE (PnImpact, pn_impact, pn_impact_ref, pn_impact_unref)

static void
change_free (PnImpactChange *change)
{
  g_free (change->benefit_id);
  pn_text_clear (&change->title);
  pn_text_clear (&change->reason);
  g_free (change);
}

static void
client_free (PnClientImpact *client)
{
  g_free (client->name);
  g_free (client->location);
  g_free (client->as_of);
  g_clear_pointer (&client->changes, g_ptr_array_unref);
  g_free (client->error);
  g_free (client);
}

static void
period_free (PnImpactPeriod *period)
{
  g_free (period->id);
  g_free (period->doc_number);
  pn_text_clear (&period->title);
  g_free (period->before_until);
  g_free (period->after_until);
  g_free (period);
}

static void
pn_impact_clear (PnImpact *self)
{
  g_clear_pointer (&self->clients, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
}

PnImpact *
pn_impact_ref (PnImpact *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
pn_impact_unref (PnImpact *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_impact_clear);
}

const char *
pn_impact_kind_to_string (PnImpactKind kind)
{
  static GEnumClass *klass;
  GEnumValue *value;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (PN_TYPE_IMPACT_KIND));

  value = g_enum_get_value (klass, kind);
  return value != NULL ? value->value_nick : NULL;
}

const char *
pn_impact_date_to_string (PnImpactDate date)
{
  static GEnumClass *klass;
  GEnumValue *value;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (PN_TYPE_IMPACT_DATE));

  value = g_enum_get_value (klass, date);
  return value != NULL ? value->value_nick : NULL;
}

/**
 * pn_document_dup_takes_effect:
 * @before: (nullable): the corpus the document comes into
 *
 * The first day the document changes what counts: the earliest of the
 * day its measures start, the days it replaces other documents from and,
 * for each document of @before it keeps in force longer, the day after
 * that one's last day (a notice of no measures of its own changes nothing
 * before); %NULL for a draft (it changes nothing) or a document without
 * dates.
 */
char *
pn_document_dup_takes_effect (PnDocument *document,
                              PnCorpus   *before)
{
  g_autofree char *first = NULL;

  g_return_val_if_fail (document != NULL, NULL);

  if (document->draft)
    return NULL;
  if (document->n_benefits > 0 || document->extends == NULL || document->extends->len == 0)
    first = g_strdup (document->applies_from != NULL ? document->applies_from : document->in_force_from);
  for (guint i = 0; document->supersedes != NULL && i < document->supersedes->len; i++)
    {
      const PnSupersession *supersession = g_ptr_array_index (document->supersedes, i);

      if (first == NULL || g_strcmp0 (supersession->from, first) < 0)
        {
          g_free (first);
          first = g_strdup (supersession->from);
        }
    }
  for (guint i = 0; before != NULL && document->extends != NULL && i < document->extends->len; i++)
    {
      const PnExtension *extension = g_ptr_array_index (document->extends, i);
      PnDocument *extended = pn_corpus_find_header (before, extension->ref, NULL);
      const char *last = extended != NULL ? pn_document_get_in_force_until (extended) : NULL;
      GDate day;
      g_autofree char *next = NULL;

      if (last == NULL || !pn_date_parse (last, &day) || g_strcmp0 (extension->until, last) <= 0)
        continue;
      g_date_add_days (&day, 1);
      next = pn_date_to_iso (&day);
      if (first == NULL || g_strcmp0 (next, first) < 0)
        {
          g_free (first);
          first = g_steal_pointer (&next);
        }
    }
  if (first == NULL && document->extends != NULL && document->extends->len > 0)
    first = g_strdup (document->applies_from != NULL ? document->applies_from : document->in_force_from);
  return g_steal_pointer (&first);
}

static PnImpactChange *
change_new (PnImpactKind  kind,
            PnBenefit    *benefit,
            gint64        before,
            gint64        after)
{
  PnImpactChange *change = g_new0 (PnImpactChange, 1);

  change->kind = kind;
  change->benefit_id = g_strdup (benefit->id);
  change->title.zh = g_strdup (benefit->title.zh);
  change->title.en = g_strdup (benefit->title.en);
  change->before_cny = before;
  change->after_cny = after;
  return change;
}

/* benefit id → counted estimate */
static GHashTable *
counted_of (PnResults *results)
{
  GHashTable *counted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);

      if (result->counted)
        g_hash_table_insert (counted, result->benefit->id,
                             g_memdup2 (&result->estimate_cny, sizeof (gint64)));
    }
  return counted;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const PnImpactChange *x = *(PnImpactChange **) a;
  const PnImpactChange *y = *(PnImpactChange **) b;
  gint64 dx = ABS (x->after_cny - x->before_cny);
  gint64 dy = ABS (y->after_cny - y->before_cny);

  /* what moves most first */
  if (dx != dy)
    return dx > dy ? -1 : 1;
  return g_strcmp0 (x->benefit_id, y->benefit_id);
}

static PnClientImpact *
client_impact (PnProfile   *profile,
               PnCorpus    *before,
               PnCorpus    *after,
               const char  *as_of,
               const char  *takes_effect,
               GError     **error)
{
  g_autoptr(PnResults) was = NULL;
  g_autoptr(PnResults) will = NULL;
  g_autoptr(GHashTable) counted_was = NULL;
  g_autoptr(GHashTable) counted_will = NULL;
  g_autoptr(PnProfile) dated = pn_profile_copy (profile);
  g_autofree char *own = pn_profile_dup_effective_as_of (profile);
  PnImpactDate as_of_from = PN_IMPACT_DATE_CLIENT;
  PnClientImpact *client;
  GHashTableIter iter;
  gpointer id, value;

  if (as_of != NULL)
    {
      pn_profile_set_as_of (dated, as_of);
      as_of_from = PN_IMPACT_DATE_GIVEN;
    }
  else if (takes_effect != NULL && g_strcmp0 (own, takes_effect) < 0)
    {
      pn_profile_set_as_of (dated, takes_effect);
      as_of_from = PN_IMPACT_DATE_TAKES_EFFECT;
    }

  was = pn_engine_evaluate (before, dated, error);
  if (was == NULL)
    return NULL;
  will = pn_engine_evaluate (after, dated, error);
  if (will == NULL)
    return NULL;

  client = g_new0 (PnClientImpact, 1);
  client->as_of_from = as_of_from;
  client->name = g_strdup (pn_profile_get_name (profile));
  client->location = g_strdup (pn_profile_get_location (profile));
  client->as_of = g_strdup (pn_results_get_as_of (was));
  client->before_cny = pn_results_get_total (was);
  client->after_cny = pn_results_get_total (will);
  client->before_high_cny = pn_results_get_total_high (was);
  client->after_high_cny = pn_results_get_total_high (will);
  client->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);

  counted_was = counted_of (was);
  counted_will = counted_of (will);

  g_hash_table_iter_init (&iter, counted_will);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      gint64 *old = g_hash_table_lookup (counted_was, id);
      gint64 now = *(gint64 *) value;
      const PnResult *result = pn_results_find (will, id);

      if (old == NULL)
        g_ptr_array_add (client->changes, change_new (PN_IMPACT_GAINED, result->benefit, 0, now));
      else if (*old != now)
        g_ptr_array_add (client->changes, change_new (PN_IMPACT_CHANGED, result->benefit, *old, now));
    }

  g_hash_table_iter_init (&iter, counted_was);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      const PnResult *result;
      PnImpactChange *change;

      if (g_hash_table_contains (counted_will, id))
        continue;
      result = pn_results_find (was, id);
      change = change_new (PN_IMPACT_LOST, result->benefit, *(gint64 *) value, 0);
      /* why: not counted any more, or not listed at all (the document
       * went, or the measure left it) */
      result = pn_results_find (will, id);
      if (result != NULL)
        {
          change->reason.zh = g_strdup (result->not_counted_reason.zh);
          change->reason.en = g_strdup (result->not_counted_reason.en);
        }
      else
        {
          change->reason.zh = g_strdup ("变更后不再列出该措施");
          change->reason.en = g_strdup ("No longer listed after the change");
        }
      g_ptr_array_add (client->changes, change);
    }

  g_ptr_array_sort (client->changes, compare_changes);
  return client;
}

static PnImpact *
impact_new (void)
{
  PnImpact *self = g_atomic_rc_box_new0 (PnImpact);

  self->clients = g_ptr_array_new_with_free_func ((GDestroyNotify) client_free);
  self->periods = g_ptr_array_new_with_free_func ((GDestroyNotify) period_free);
  return self;
}

/* The documents of both corpora whose last day differs: what a notice
 * extending one changes, whoever the clients are */
static gboolean
read_periods (PnImpact  *self,
              PnCorpus  *before,
              PnCorpus  *after,
              GError   **error)
{
  g_autoptr(GPtrArray) listed = pn_corpus_list_documents (after, error);

  if (listed == NULL)
    return FALSE;
  for (guint i = 0; i < listed->len; i++)
    {
      PnDocument *now = g_ptr_array_index (listed, i);
      PnDocument *was = pn_corpus_find_header (before, now->id, NULL);
      PnImpactPeriod *period;

      if (was == NULL ||
          g_strcmp0 (pn_document_get_in_force_until (was), pn_document_get_in_force_until (now)) == 0)
        continue;
      period = g_new0 (PnImpactPeriod, 1);
      period->id = g_strdup (now->id);
      period->doc_number = g_strdup (now->doc_number);
      period->title.zh = g_strdup (now->title.zh);
      period->title.en = g_strdup (now->title.en);
      period->before_until = g_strdup (pn_document_get_in_force_until (was));
      period->after_until = g_strdup (pn_document_get_in_force_until (now));
      g_ptr_array_add (self->periods, period);
    }
  return TRUE;
}

guint
pn_impact_get_n_periods (PnImpact *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->periods->len;
}

const PnImpactPeriod *
pn_impact_get_period (PnImpact *self,
                      guint     position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->periods->len, NULL);
  return g_ptr_array_index (self->periods, position);
}

PnImpact *
pn_impact_new_for_profiles (GPtrArray  *profiles,
                            PnCorpus   *before,
                            PnCorpus   *after,
                            GError    **error)
{
  g_autoptr(PnImpact) self = NULL;

  g_return_val_if_fail (profiles != NULL, NULL);
  g_return_val_if_fail (before != NULL && after != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = impact_new ();
  if (!read_periods (self, before, after, error))
    return NULL;
  for (guint i = 0; i < profiles->len; i++)
    {
      PnClientImpact *client = client_impact (g_ptr_array_index (profiles, i), before, after, NULL, NULL,
                                              error);

      if (client == NULL)
        return NULL;
      g_ptr_array_add (self->clients, client);
    }
  return g_steal_pointer (&self);
}

PnImpact *
pn_impact_new (PnStore   *store,
               PnCorpus  *before,
               PnCorpus  *after,
               GError   **error)
{
  return pn_impact_new_on (store, before, after, NULL, NULL, error);
}

/**
 * pn_impact_new_on:
 * @as_of: (nullable): the day every client is worked out on, or %NULL
 *   for each client's own
 * @takes_effect: (nullable): the day the change takes effect
 *   (pn_document_get_takes_effect()): a client whose own day is before it
 *   is worked out on it, where the change shows
 *
 * What the change from @before to @after does to each saved client.
 */
PnImpact *
pn_impact_new_on (PnStore     *store,
                  PnCorpus    *before,
                  PnCorpus    *after,
                  const char  *as_of,
                  const char  *takes_effect,
                  GError     **error)
{
  g_autoptr(PnImpact) self = NULL;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (PN_IS_STORE (store), NULL);
  g_return_val_if_fail (before != NULL && after != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  names = pn_store_list_profiles (store, error);
  if (names == NULL)
    return NULL;

  self = impact_new ();
  if (!read_periods (self, before, after, error))
    return NULL;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) profile_error = NULL;
      g_autoptr(PnProfile) profile = pn_store_load_profile (store, names[i], &profile_error);
      PnClientImpact *client;

      if (profile == NULL)
        {
          /* one damaged client must not hide what happens to the others */
          client = g_new0 (PnClientImpact, 1);
          client->name = g_strdup (names[i]);
          client->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
          client->error = g_strdup (profile_error->message);
          g_ptr_array_add (self->clients, client);
          continue;
        }

      client = client_impact (profile, before, after, as_of, takes_effect, error);
      if (client == NULL)
        return NULL;
      g_ptr_array_add (self->clients, client);
    }

  return g_steal_pointer (&self);
}

guint
pn_impact_get_n_clients (PnImpact *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->clients->len;
}

const PnClientImpact *
pn_impact_get_client (PnImpact *self,
                      guint     position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->clients->len, NULL);
  return g_ptr_array_index (self->clients, position);
}

gboolean
pn_impact_changes_anything (PnImpact *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->clients->len; i++)
    {
      const PnClientImpact *client = g_ptr_array_index (self->clients, i);

      if (client->changes->len > 0 || client->before_cny != client->after_cny)
        return TRUE;
    }
  return FALSE;
}

/* ---- output ---- */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_yuan (JsonBuilder *builder,
          const char  *name,
          gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value != PN_YUAN_UNSET)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
pn_impact_to_json (PnImpact *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->periods->len; i++)
    {
      const PnImpactPeriod *period = g_ptr_array_index (self->periods, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", period->id);
      add_string (builder, "doc_number", period->doc_number);
      add_string (builder, "in_force_until_before", period->before_until);
      add_string (builder, "in_force_until_after", period->after_until);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "clients");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->clients->len; i++)
    {
      const PnClientImpact *client = g_ptr_array_index (self->clients, i);
      gboolean ok = client->error == NULL;

      json_builder_begin_object (builder);
      add_string (builder, "name", client->name);
      add_string (builder, "location", client->location);
      add_string (builder, "as_of", client->as_of);
      add_string (builder, "as_of_from", ok ? pn_impact_date_to_string (client->as_of_from) : NULL);
      add_yuan (builder, "before_total_cny", ok ? client->before_cny : PN_YUAN_UNSET);
      add_yuan (builder, "after_total_cny", ok ? client->after_cny : PN_YUAN_UNSET);
      add_yuan (builder, "difference_cny", ok ? client->after_cny - client->before_cny : PN_YUAN_UNSET);
      add_yuan (builder, "before_high_cny", ok ? client->before_high_cny : PN_YUAN_UNSET);
      add_yuan (builder, "after_high_cny", ok ? client->after_high_cny : PN_YUAN_UNSET);
      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint c = 0; c < client->changes->len; c++)
        {
          const PnImpactChange *change = g_ptr_array_index (client->changes, c);

          json_builder_begin_object (builder);
          add_string (builder, "kind", pn_impact_kind_to_string (change->kind));
          add_string (builder, "benefit_id", change->benefit_id);
          add_string (builder, "title", change->title.en);
          add_string (builder, "title_zh", change->title.zh);
          add_yuan (builder, "before_cny", change->before_cny);
          add_yuan (builder, "after_cny", change->after_cny);
          json_builder_set_member_name (builder, "reason");
          if (change->reason.en != NULL)
            {
              json_builder_begin_object (builder);
              add_string (builder, "zh", change->reason.zh);
              add_string (builder, "en", change->reason.en);
              json_builder_end_object (builder);
            }
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_string (builder, "error", client->error);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
pn_impact_to_text (PnImpact *self,
                   PnLang    lang)
{
  GString *str;
  gboolean zh = lang == PN_LANG_ZH;

  g_return_val_if_fail (self != NULL, NULL);

  str = g_string_new (NULL);
  for (guint i = 0; i < self->periods->len; i++)
    {
      const PnImpactPeriod *period = g_ptr_array_index (self->periods, i);
      g_autofree char *before = period->before_until != NULL ? pn_date_to_words (period->before_until, zh)
                                                             : g_strdup (zh ? "未载明" : "no end");
      g_autofree char *after = period->after_until != NULL ? pn_date_to_words (period->after_until, zh)
                                                           : g_strdup (zh ? "未载明" : "no end");

      g_string_append_printf (str, zh ? "%s：有效期至%s → %s\n" : "%s: in force until %s → %s\n",
                              period->doc_number != NULL ? period->doc_number : pn_text_get (&period->title, lang),
                              before, after);
    }
  if (self->clients->len == 0)
    g_string_append (str, zh ? "没有已保存的客户。\n" : "No client is saved.\n");

  for (guint i = 0; i < self->clients->len; i++)
    {
      const PnClientImpact *client = g_ptr_array_index (self->clients, i);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *date = NULL;

      if (client->error != NULL)
        {
          g_string_append_printf (str, zh ? "%s：无法读取（%s）\n" : "%s: cannot be read (%s)\n",
                                  client->name, client->error);
          continue;
        }

      before = pn_money_format_yuan (client->before_cny);
      after = pn_money_format_yuan (client->after_cny);
      date = client->as_of_from == PN_IMPACT_DATE_TAKES_EFFECT
             ? g_strdup_printf (zh ? "%s，变更生效之日" : "as of %s, when the change takes effect", client->as_of)
             : g_strdup_printf (zh ? "%s" : "as of %s", client->as_of);
      if (client->changes->len == 0 && client->before_cny == client->after_cny)
        {
          g_string_append_printf (str, zh ? "%s：不变，%s（%s）\n" : "%s: unchanged, %s (%s)\n",
                                  client->name, before, date);
          continue;
        }

      g_string_append_printf (str, zh ? "%s：%s → %s（%s）\n" : "%s: %s → %s (%s)\n",
                              client->name, before, after, date);
      for (guint c = 0; c < client->changes->len; c++)
        {
          const PnImpactChange *change = g_ptr_array_index (client->changes, c);
          g_autofree char *was = pn_money_format_yuan (change->before_cny);
          g_autofree char *will = pn_money_format_yuan (change->after_cny);
          const char *title = pn_text_get (&change->title, lang);

          switch (change->kind)
            {
            case PN_IMPACT_GAINED:
              g_string_append_printf (str, zh ? "  + %s：%s\n" : "  + %s: %s\n", title, will);
              break;
            case PN_IMPACT_LOST:
              g_string_append_printf (str, zh ? "  − %s：%s（%s）\n" : "  − %s: %s (%s)\n", title, was,
                                      pn_text_get (&change->reason, lang));
              break;
            case PN_IMPACT_CHANGED:
            default:
              g_string_append_printf (str, zh ? "  ~ %s：%s → %s\n" : "  ~ %s: %s → %s\n", title, was, will);
              break;
            }
        }
    }

  return g_string_free (str, FALSE);
}
