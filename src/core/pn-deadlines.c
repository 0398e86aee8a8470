/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-deadlines"

#include "config.h"

#include "pn-deadlines.h"
#include "pn-citation.h"

#include <stdlib.h>
#include <time.h>

#include <libical/ical.h>

#include "pn-core-private.h"
#include "pn-corpus-private.h"
#include "pn-date.h"
#include "pn-export.h"

#define PN_DEADLINES_UID_DOMAIN "io.github.pnav.PolicyNavigator"

struct _PnDeadlines
{
  PnCorpus  *corpus;
  char      *location;
  char      *as_of;
  gint       within;
  GArray    *deadlines;   /* PnDeadline */
  guint      n_undated;
  GHashTable *superseded; /* pn_corpus_get_superseded(): the deadlines' strings */
};

G_DEFINE_BOXED_TYPE (PnDeadlines, pn_deadlines, pn_deadlines_ref, pn_deadlines_unref)

G_DEFINE_QUARK (pn-deadlines-error-quark, pn_deadlines_error)

static void
pn_deadlines_clear (PnDeadlines *self)
{
  g_clear_pointer (&self->superseded, g_hash_table_unref);
  g_clear_pointer (&self->deadlines, g_array_unref);
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_free (self->location);
  g_free (self->as_of);
}

PnDeadlines *
pn_deadlines_ref (PnDeadlines *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
pn_deadlines_unref (PnDeadlines *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_deadlines_clear);
}

/* By end date; on the same date, in corpus order (the sort is stable
 * through the index). */
typedef struct
{
  PnDeadline deadline;
  guint      index;
} Sortable;

static int
compare_sortable (gconstpointer a,
                  gconstpointer b)
{
  const Sortable *x = a;
  const Sortable *y = b;
  int order = g_strcmp0 (x->deadline.valid_until, y->deadline.valid_until);

  if (order != 0)
    return order;
  return x->index < y->index ? -1 : (x->index > y->index);
}

PnDeadlines *
pn_deadlines_new (PnCorpus    *corpus,
                  const char  *location,
                  const char  *as_of,
                  gint         within_days,
                  GError     **error)
{
  g_autoptr(PnDeadlines) self = NULL;
  g_autoptr(GPtrArray) benefits = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *until = NULL;
  GDate as_of_date;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!pn_corpus_has_location (corpus, location))
    {
      g_set_error (error, PN_DEADLINES_ERROR, PN_DEADLINES_ERROR_LOCATION,
                   "Unknown location “%s”", location);
      return NULL;
    }

  self = g_atomic_rc_box_new0 (PnDeadlines);
  self->corpus = pn_corpus_ref (corpus);
  self->location = g_strdup (location);
  self->as_of = as_of != NULL ? g_strdup (as_of) : pn_date_today ();
  self->within = within_days < 0 ? -1 : within_days;
  self->deadlines = g_array_new (FALSE, FALSE, sizeof (PnDeadline));

  if (!pn_date_parse (self->as_of, &as_of_date))
    {
      g_set_error (error, PN_DEADLINES_ERROR, PN_DEADLINES_ERROR_DATE,
                   "Invalid as-of date “%s”; expected YYYY-MM-DD", self->as_of);
      return NULL;
    }

  if (self->within >= 0)
    {
      GDate end = as_of_date;

      g_date_add_days (&end, MIN ((guint) self->within, 1000000u));
      until = pn_date_to_iso (&end);
    }

  benefits = _pn_corpus_get_ending (corpus, location, self->as_of, until, &self->n_undated, error);
  if (benefits == NULL)
    return NULL;
  self->superseded = pn_corpus_get_superseded (corpus, error);
  if (self->superseded == NULL)
    return NULL;

  found = g_array_new (FALSE, FALSE, sizeof (Sortable));
  for (guint i = 0; i < benefits->len; i++)
    {
      Sortable entry = { { 0, }, found->len };
      PnDeadline *deadline = &entry.deadline;
      gint days;

      deadline->benefit = g_ptr_array_index (benefits, i);
      pn_benefit_get_validity (deadline->benefit, &deadline->valid_from, &deadline->valid_until);
      if (deadline->valid_until == NULL ||
          !pn_date_days_between (self->as_of, deadline->valid_until, &days) ||
          days < 0 || (self->within >= 0 && days > self->within))
        continue;

      deadline->days_left = days;
      deadline->status = deadline->valid_from != NULL &&
                         g_strcmp0 (self->as_of, deadline->valid_from) < 0
                         ? PN_STATUS_PENDING : PN_STATUS_IN_FORCE;
      {
        const PnSupersededBy *by = g_hash_table_lookup (self->superseded, deadline->benefit->document->id);

        if (by != NULL)
          {
            deadline->replaced_by = by->by;
            deadline->replaced_from = by->from;
            if (g_strcmp0 (by->from, self->as_of) <= 0)
              deadline->status = PN_STATUS_SUPERSEDED;
          }
      }
      g_array_append_val (found, entry);
    }

  g_array_sort (found, compare_sortable);
  for (guint i = 0; i < found->len; i++)
    g_array_append_val (self->deadlines, g_array_index (found, Sortable, i).deadline);

  return g_steal_pointer (&self);
}

const char *
pn_deadlines_get_location (PnDeadlines *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->location;
}

const char *
pn_deadlines_get_as_of (PnDeadlines *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->as_of;
}

gint
pn_deadlines_get_within (PnDeadlines *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->within;
}

guint
pn_deadlines_get_n_deadlines (PnDeadlines *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->deadlines->len;
}

const PnDeadline *
pn_deadlines_get_deadline (PnDeadlines *self,
                           guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->deadlines->len, NULL);
  return &g_array_index (self->deadlines, PnDeadline, position);
}

guint
pn_deadlines_get_n_undated (PnDeadlines *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_undated;
}

char *
pn_deadline_dup_uid (const PnDeadline *deadline)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (deadline != NULL, NULL);

  date = g_strdup (deadline->valid_until);
  g_strdelimit (date, "-", ' ');
  {
    g_auto(GStrv) parts = g_strsplit (date, " ", -1);
    g_autofree char *compact = g_strjoinv ("", parts);

    return g_strdup_printf ("%s/%s@%s", deadline->benefit->id, compact, PN_DEADLINES_UID_DOMAIN);
  }
}

/* ---- output ---------------------------------------------------------- */

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

JsonNode *
pn_deadlines_to_json (PnDeadlines *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  PnTaxonomy *taxonomy;

  g_return_val_if_fail (self != NULL, NULL);

  taxonomy = pn_corpus_get_taxonomy (self->corpus);

  json_builder_begin_object (builder);
  add_string (builder, "location", self->location);
  add_string (builder, "as_of", self->as_of);
  json_builder_set_member_name (builder, "within_days");
  if (self->within >= 0)
    json_builder_add_int_value (builder, self->within);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "undated_count");
  json_builder_add_int_value (builder, self->n_undated);

  json_builder_set_member_name (builder, "deadlines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->deadlines->len; i++)
    {
      const PnDeadline *deadline = &g_array_index (self->deadlines, PnDeadline, i);
      PnBenefit *benefit = deadline->benefit;
      PnArticle *article = benefit->article;
      g_autofree char *citation = pn_citation_format (article, PN_LANG_EN);
      g_autofree char *uid = pn_deadline_dup_uid (deadline);

      json_builder_begin_object (builder);
      add_string (builder, "benefit_id", benefit->id);
      add_string (builder, "document_id", benefit->document->id);
      add_string (builder, "doc_number", benefit->document->doc_number);
      add_string (builder, "article", article->number);
      add_string (builder, "citation", citation);
      add_string (builder, "title", benefit->title.en);
      add_string (builder, "title_zh", benefit->title.zh);
      add_string (builder, "status", pn_status_to_string (deadline->status));
      json_builder_set_member_name (builder, "replaced_by");
      if (deadline->replaced_by != NULL)
        {
          json_builder_begin_object (builder);
          add_string (builder, "id", deadline->replaced_by);
          add_string (builder, "from", deadline->replaced_from);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      add_string (builder, "valid_from", deadline->valid_from);
      add_string (builder, "valid_until", deadline->valid_until);
      json_builder_set_member_name (builder, "days_left");
      json_builder_add_int_value (builder, deadline->days_left);
      add_string (builder, "deadline_text", article->deadline_text);
      add_string (builder, "uid", uid);

      json_builder_set_member_name (builder, "responsible_units");
      json_builder_begin_array (builder);
      for (guint u = 0; u < pn_benefit_get_units (benefit)->len; u++)
        {
          PnUnitRef *ref = g_ptr_array_index (pn_benefit_get_units (benefit), u);
          const PnTerm *unit = pn_document_lookup_unit (benefit->document, taxonomy, ref->id);

          json_builder_begin_object (builder);
          add_string (builder, "id", ref->id);
          add_string (builder, "zh", unit != NULL ? unit->zh : NULL);
          add_string (builder, "en", unit != NULL ? unit->en : NULL);
          add_string (builder, "role", ref->role);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
days_text (gint     days,
           gboolean zh)
{
  if (days == 0)
    return g_strdup (zh ? "今天到期" : "ends today");
  if (zh)
    return g_strdup_printf ("%d天后到期", days);
  return g_strdup_printf (days == 1 ? "ends in %d day" : "ends in %d days", days);
}

char *
pn_deadlines_to_text (PnDeadlines *self,
                      PnLang       lang)
{
  GString *str;
  PnTaxonomy *taxonomy;
  g_autofree char *place = NULL;
  gboolean zh = lang == PN_LANG_ZH;

  g_return_val_if_fail (self != NULL, NULL);

  str = g_string_new (NULL);
  taxonomy = pn_corpus_get_taxonomy (self->corpus);
  place = pn_corpus_location_label (self->corpus, self->location, lang);

  g_string_append_printf (str, zh ? "地点：%s    日期：%s" : "Location: %s    As of: %s",
                          place, self->as_of);
  if (self->within >= 0)
    g_string_append_printf (str, zh ? "    %d 天内到期" : "    ending within %d days", self->within);
  g_string_append (str, "\n\n");

  if (self->deadlines->len == 0)
    g_string_append (str, zh ? "没有符合条件的到期措施。\n" : "No measure ends in that period.\n");

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      const PnDeadline *deadline = &g_array_index (self->deadlines, PnDeadline, i);
      PnBenefit *benefit = deadline->benefit;
      g_autofree char *citation = pn_citation_format (benefit->article, lang);
      g_autofree char *days = days_text (deadline->days_left, zh);
      /* the measure's own units where it names them (an article's paragraphs
       * may name others), as pnav match and the brief list them */
      g_autofree char *units = pn_export_units_label (benefit->article->document, taxonomy,
                                                      pn_benefit_get_units (benefit), lang);

      /* citations run long: after the measure, as in `pnav match` */
      g_string_append_printf (str, "  %s  ", deadline->valid_until);
      pn_export_append_padded (str, days, 18);
      /* "ends in 3652058 days" fills the column: a space before the title */
      if (g_utf8_strlen (days, -1) >= 18)
        g_string_append_c (str, ' ');
      g_string_append_printf (str, zh ? "%s（%s）\n" : "%s (%s)\n",
                              pn_text_get (&benefit->title, lang), citation);
      if (units[0] != '\0')
        g_string_append_printf (str, "              %s\n", units);
      /* an end far off is no offer yet when the start is still to come */
      if (deadline->status == PN_STATUS_PENDING)
        {
          const char *from = NULL, *until = NULL;
          g_autofree char *words = NULL;

          pn_benefit_get_validity (benefit, &from, &until);
          words = from != NULL ? pn_date_to_words (from, zh) : NULL;
          if (words != NULL)
            g_string_append_printf (str, zh ? "              尚未施行：自%s起施行\n"
                                            : "              not yet in force: from %s\n", words);
        }
      if (deadline->replaced_by != NULL)
        g_string_append_printf (str, deadline->status == PN_STATUS_SUPERSEDED
                                     ? (zh ? "              已自%2$s起由 %1$s 取代，不再计入\n"
                                           : "              superseded by %1$s from %2$s: not counted\n")
                                     : (zh ? "              自%2$s起将由 %1$s 取代\n"
                                           : "              to be replaced by %1$s from %2$s\n"),
                                deadline->replaced_by, deadline->replaced_from);
    }

  g_string_append_printf (str, zh ? "\n%u 项措施，另有 %u 项未规定截止日期。\n"
                                  : "\n%u measures; %u more state no end date.\n",
                          self->deadlines->len, self->n_undated);
  return g_string_free (str, FALSE);
}

static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  t.is_date = 1;
  return t;
}

char *
pn_deadlines_to_ical (PnDeadlines  *self,
                      PnLang        lang,
                      GError      **error)
{
  PnTaxonomy *taxonomy;
  icalcomponent *calendar;
  struct icaltimetype stamp;
  gboolean zh = lang == PN_LANG_ZH;
  char *ical;
  char *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  taxonomy = pn_corpus_get_taxonomy (self->corpus);
  stamp = icaltime_from_timet_with_zone (time (NULL), 0, icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Policy Navigator//pnav " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      const PnDeadline *deadline = &g_array_index (self->deadlines, PnDeadline, i);
      PnBenefit *benefit = deadline->benefit;
      g_autofree char *uid = pn_deadline_dup_uid (deadline);
      g_autofree char *citation = pn_citation_format (benefit->article, lang);
      g_autofree char *summary = NULL;
      /* the measure's own units where it names them (an article's paragraphs
       * may name others), as pnav match and the brief list them */
      g_autofree char *units = pn_export_units_label (benefit->article->document, taxonomy,
                                                      pn_benefit_get_units (benefit), lang);
      g_autoptr(GString) description = g_string_new (NULL);
      icalcomponent *event;
      GDate end, after;

      if (!pn_date_parse (deadline->valid_until, &end))
        continue;
      /* 9999-12-31, an end that is none: no day after it to end the
       * event on (it wrote DTSTART:00000000) */
      if (g_date_get_year (&end) >= 9999)
        continue;
      after = end;
      g_date_add_days (&after, 1);

      summary = g_strdup_printf (zh ? "到期：%s（%s）" : "Ends: %s (%s)",
                                 pn_text_get (&benefit->title, lang), citation);
      g_string_append_printf (description, zh ? "责任单位：%s\n" : "Responsible units: %s\n",
                              units[0] != '\0' ? units : "—");
      g_string_append_printf (description, zh ? "出处：%s\n" : "Source: %s\n", citation);
      if (benefit->article->deadline_text != NULL)
        g_string_append_printf (description, zh ? "原文时限：%s\n" : "Deadline as written: %s\n",
                                benefit->article->deadline_text);
      g_string_append_printf (description, zh ? "措施编号：%s" : "Measure id: %s", benefit->id);

      event = icalcomponent_new_vevent ();
      icalcomponent_add_property (event, icalproperty_new_uid (uid));
      icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
      icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (&end)));
      icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (&after)));
      icalcomponent_add_property (event, icalproperty_new_summary (summary));
      icalcomponent_add_property (event, icalproperty_new_description (description->str));
      icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
      icalcomponent_add_component (calendar, event);
    }

  ical = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);

  if (ical == NULL)
    {
      g_set_error (error, PN_DEADLINES_ERROR, PN_DEADLINES_ERROR_ICAL,
                   "Cannot write the calendar: %s", icalerror_strerror (icalerrno));
      return NULL;
    }

  /* libical 3.0 folds a line whose content ends right at the fold width
   * between the CR and LF that end it, writing "\r" "\r\n " "\n"; unfolded
   * that is still right, but a bare LF line is not iCalendar: put the line
   * end back together. */
  {
    g_auto(GStrv) parts = g_strsplit (ical, "\r\r\n \n", -1);

    text = g_strjoinv ("\r\n", parts);
  }
  icalmemory_free_buffer (ical);
  return text;
}
