/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-draft"

/* What a notice keeping documents in force longer says
 * (关于延长《…》有效期的通知): for each document it names, the new last
 * day, or how much longer ("延长一年", worked out once the document is
 * found in the library). */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pn-draft-private.h"

void
pn_draft_extension_free (PnDraftExtension *extension)
{
  if (extension == NULL)
    return;
  g_free (extension->number);
  g_free (extension->until);
  g_free (extension);
}

static gboolean
is_open_bracket (gunichar c)
{
  return c == 0x3014 /* 〔 */ || c == '[' || c == '(' || c == 0xFF08 /* （ */ || c == 0x3010 /* 【 */;
}

static gboolean
is_close_bracket (gunichar c)
{
  return c == 0x3015 /* 〕 */ || c == ']' || c == ')' || c == 0xFF09 /* ） */ || c == 0x3011 /* 】 */;
}

/* 晋政规(2025)8号 and 晋政规〔2025〕8号 are one number */
char *
pn_draft_number_key (const char *number)
{
  GString *key = g_string_new (NULL);

  for (const char *p = number; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (is_open_bracket (c))
        g_string_append_unichar (key, 0x3014);
      else if (is_close_bracket (c))
        g_string_append_unichar (key, 0x3015);
      else
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* A cited number at `open` (its year's bracket): its end, else NULL */
static const char *
number_end (const char *open)
{
  const char *p = g_utf8_next_char (open);
  int digits = 0;

  while (g_ascii_isdigit (*p) && digits < 4)
    p++, digits++;
  if (digits != 4 || !is_close_bracket (g_utf8_get_char (p)))
    return NULL;
  p = g_utf8_next_char (p);
  while (*p == ' ')
    p++;
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p) || *p == ' ')
    p++;
  return g_str_has_prefix (p, "号") ? p + strlen ("号") : NULL;
}

typedef struct
{
  gsize  at;       /* its offset in the text */
  char  *number;
} CitedNumber;

static void
cited_number_clear (CitedNumber *cited)
{
  g_free (cited->number);
}

/* The document numbers `text` cites, in order (CitedNumber) */
static GArray *
cited_numbers (const char *text)
{
  GArray *found = g_array_new (FALSE, TRUE, sizeof (CitedNumber));

  g_array_set_clear_func (found, (GDestroyNotify) cited_number_clear);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *end, *start = p;
      CitedNumber cited;

      if (!is_open_bracket (g_utf8_get_char (p)) || (end = number_end (p)) == NULL)
        continue;
      /* the issuer's short name before the year: 厦府规, 晋政规, 闽政办 */
      for (guint n = 0; n < 10 && start > text; n++)
        {
          const char *prev = g_utf8_find_prev_char (text, start);
          gunichar c = g_utf8_get_char (prev);

          if (!g_unichar_isalpha (c) || c < 0x2E80 || c == 0x548C /* 和 */ || c == 0x53CA /* 及 */ ||
              c == 0x4E0E /* 与 */)
            break;
          start = prev;
        }
      if (start == p)
        continue;
      cited.at = start - text;
      cited.number = g_strndup (start, end - start);
      g_array_append_val (found, cited);
      p = end - 1;
    }
  return found;
}

char *
pn_draft_first_cited_number (const char *text)
{
  g_autoptr(GArray) found = text != NULL ? cited_numbers (text) : NULL;

  return found != NULL && found->len > 0 ? g_strdup (g_array_index (found, CitedNumber, 0).number) : NULL;
}

static const char * const absolute_marks[] = {
  "延长有效期至", "有效期延至", "延长执行至", "延长实施至", "继续执行至", "继续实施至",
  "延长至", "延期至", "顺延至", "延续至", NULL
};

/* A date within a few characters after `at`, or "2027年底": ISO or NULL */
static char *
date_near (const char *text,
           const char *at)
{
  const char *p = at;

  for (guint n = 0; n < 12 && *p != '\0'; n++, p = g_utf8_next_char (p))
    {
      gsize pos = p - text;
      char *iso = NULL;

      if (g_str_has_prefix (p, "。") || g_str_has_prefix (p, "；"))
        break;
      if (pn_draft_parse_date (text, &pos, &iso))
        return iso;
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
          g_ascii_isdigit (p[3]) && (g_str_has_prefix (p + 4, "年底") || g_str_has_prefix (p + 4, "年末")))
        return g_strdup_printf ("%.4s-12-31", p);
    }
  return NULL;
}

/* "延长一年", "延长1年", "延长两年", "延长6个月", "延长半年": months, else 0 */
static guint
relative_months (const char *after)
{
  static const char * const numerals[] = { "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十" };
  static const guint values[] = { 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  guint n = 0;
  const char *p = after;

  if (g_str_has_prefix (p, "半年"))
    return 6;
  if (g_ascii_isdigit (*p))
    {
      n = strtoul (p, NULL, 10);
      while (g_ascii_isdigit (*p))
        p++;
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (numerals) && n == 0; i++)
      if (g_str_has_prefix (p, numerals[i]))
        {
          n = values[i];
          p += strlen (numerals[i]);
        }
  if (n == 0 || n > 120)
    return 0;
  if (g_str_has_prefix (p, "年"))
    return 12 * n;
  if (g_str_has_prefix (p, "个月"))
    return n;
  return 0;
}

typedef struct
{
  gsize     at;      /* where the event stands in the sentence */
  char     *until;
  guint     months;
  gboolean  partial;
} Event;

static void
event_clear (Event *event)
{
  g_free (event->until);
}

static void
read_sentence (const char *sentence,
               GPtrArray  *out)
{
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_autoptr(GArray) numbers = NULL;
  gsize last_end = 0;

  g_array_set_clear_func (events, (GDestroyNotify) event_clear);

  for (const char *p = sentence; *p != '\0'; p = g_utf8_next_char (p))
    {
      Event event = { p - sentence, NULL, 0, FALSE };
      gsize mark_len = 0;

      for (guint m = 0; absolute_marks[m] != NULL && mark_len == 0; m++)
        if (g_str_has_prefix (p, absolute_marks[m]))
          mark_len = strlen (absolute_marks[m]);
      if (mark_len > 0)
        event.until = date_near (sentence, p + mark_len);
      else if (g_str_has_prefix (p, "延长") && (event.months = relative_months (p + strlen ("延长"))) > 0)
        {
          /* "延长一年，至2027年12月31日止", "延长一年，即延长至…": the day it names */
          const char *to = strstr (p, "至");

          mark_len = strlen ("延长");
          if (to != NULL)
            event.until = date_near (sentence, to + strlen ("至"));
          if (event.until != NULL)
            {
              /* "即延长至…" is the same event */
              event.months = 0;
              mark_len = (to - p) + strlen ("至");
            }
        }
      else if ((g_str_has_prefix (p, "修改为") || g_str_has_prefix (p, "调整为")) &&
               g_strstr_len (sentence, p - sentence, "有效期") != NULL)
        {
          /* "“有效期至2026年12月31日”修改为“有效期至2027年12月31日”" */
          mark_len = strlen ("修改为");
          event.until = date_near (sentence, p + mark_len);
          if (event.until == NULL)
            mark_len = 0;
        }
      else if (g_str_has_prefix (p, "延长") && g_strstr_len (sentence, -1, "有效期") != NULL &&
               g_strstr_len (p, -1, "至") != NULL && events->len == 0)
        {
          /* "有效期延长至新政策出台之日": an extension without a day */
          const char *to = strstr (p, "至");

          if (to - p <= 12 && (event.until = date_near (sentence, to + strlen ("至"))) == NULL)
            mark_len = strlen ("延长");
        }
      if (mark_len == 0)
        continue;

      /* "…，其中第（二）条继续执行至…": a part of the document */
      {
        g_autofree char *before = g_strndup (sentence + last_end, event.at - last_end);

        event.partial = events->len > 0 && strstr (before, "其中") != NULL && strstr (before, "第") != NULL;
      }
      g_array_append_val (events, event);
      last_end = event.at + mark_len;
      p += mark_len - 1;
    }
  if (events->len == 0)
    return;

  /* each number to the first event after it: "《A》（…）和《B》（…）有效期
   *均延长至…" both; "A…延长至D1，B…延长至D2" each its own */
  numbers = cited_numbers (sentence);
  {
    g_autofree gboolean *named = g_new0 (gboolean, events->len);

    for (guint i = 0; i < numbers->len; i++)
      {
        gsize at = g_array_index (numbers, CitedNumber, i).at;
        guint e = 0;
        Event *event;
        PnDraftExtension *extension;

        while (e + 1 < events->len && g_array_index (events, Event, e).at < at)
          e++;
        event = &g_array_index (events, Event, e);
        named[e] = TRUE;
        extension = g_new0 (PnDraftExtension, 1);
        extension->number = g_strdup (g_array_index (numbers, CitedNumber, i).number);
        extension->until = g_strdup (event->until);
        extension->months = event->months;
        extension->partial = event->partial;
        g_ptr_array_add (out, extension);
      }
    for (guint e = 0; e < events->len; e++)
      {
        Event *event = &g_array_index (events, Event, e);
        PnDraftExtension *extension;

        if (named[e])
          continue;
        /* the same day said again of no other document */
        if (e > 0 && g_strcmp0 (g_array_index (events, Event, e - 1).until, event->until) == 0 &&
            event->until != NULL)
          continue;
        extension = g_new0 (PnDraftExtension, 1);
        extension->until = g_strdup (event->until);
        extension->months = event->months;
        extension->partial = event->partial;
        g_ptr_array_add (out, extension);
      }
  }
}

GPtrArray *
pn_draft_find_extensions (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_draft_extension_free);
  g_autoptr(GString) sentence = g_string_new (NULL);

  if (text == NULL)
    return out;
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || *p == '\n' || g_str_has_prefix (p, "。") || g_str_has_prefix (p, "；"))
        {
          if (sentence->len > 0)
            read_sentence (sentence->str, out);
          g_string_truncate (sentence, 0);
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_unichar (sentence, g_utf8_get_char (p));
    }
  return out;
}
