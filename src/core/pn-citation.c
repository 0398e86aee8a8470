/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-citation"

#include "config.h"

#include "pn-core-private.h"
#include "pn-citation.h"

#include "pn-export.h"

#include <string.h>

/* A task list numbers its rows (序号) as tasks, not articles. */
static gboolean
is_task_list (PnDocument *document)
{
  return document->title.zh != NULL && g_str_has_suffix (document->title.zh, "清单");
}

/* 1 … 99 in Chinese numerals: 一, 十, 十二, 二十, 二十四. */
static char *
chinese_number (guint n)
{
  static const char * const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  GString *str;

  if (n == 0 || n > 99)
    return pn_strdup_template ("%u", n);

  str = g_string_new (NULL);
  if (n >= 10)
    {
      if (n >= 20)
        g_string_append (str, digits[n / 10]);
      g_string_append (str, "十");
    }
  g_string_append (str, digits[n % 10]);

  return g_string_free (str, FALSE);
}

/* "1.2" → { 1, 2 }; FALSE unless every part is a number. */
static gboolean
split_number (const char *number,
              guint      *parts,
              guint      *n_parts)
{
  g_auto(GStrv) split = g_strsplit (number, ".", -1);

  *n_parts = 0;
  for (guint i = 0; split[i] != NULL; i++)
    {
      guint64 value;

      if (i >= 3 || !_pn_parse_decimal (split[i], 999, &value) || value == 0)
        return FALSE;
      parts[(*n_parts)++] = (guint) value;
    }

  return *n_parts > 0;
}

char *
pn_citation_document (PnDocument *document,
                      PnLang      lang)
{
  const char *title;

  g_return_val_if_fail (document != NULL, NULL);

  if (document->doc_number != NULL)
    return g_strdup (document->doc_number);

  title = pn_text_get (&document->title, lang);
  if (title == NULL)
    title = document->id;
  if (lang == PN_LANG_ZH)
    return pn_strdup_template ("《%s》", title);
  return g_strdup (title);
}

static char *
format_zh (PnDocument *document,
           const char *number,
           const char *source)
{
  guint parts[3];
  guint n_parts;

  if (!split_number (number, parts, &n_parts))
    return pn_strdup_template ("%s第%s条", source, number);

  if (n_parts == 1 && is_task_list (document))
    return pn_strdup_template ("%s第%u项", source, parts[0]);
  if (n_parts == 1)
    return pn_strdup_template ("%s第%u条", source, parts[0]);

  {
    g_autofree char *first = chinese_number (parts[0]);
    g_autofree char *second = chinese_number (parts[1]);

    /* 一、…（二）…: "第一条第（二）项", as the sections are cited */
    if (n_parts == 2)
      return pn_strdup_template ("%s第%s条第（%s）项", source, first, second);
    /* 五（二）1, as the plan writes it */
    return pn_strdup_template ("%s%s（%s）%u", source, first, second, parts[2]);
  }
}

char *
pn_citation_format (PnArticle *article,
                    PnLang     lang)
{
  g_autofree char *source = NULL;

  g_return_val_if_fail (article != NULL, NULL);

  source = pn_citation_document (article->document, lang);
  if (lang == PN_LANG_ZH)
    return format_zh (article->document, article->number, source);

  if (is_task_list (article->document))
    return pn_strdup_template ("%s, task %s", source, article->number);
  return pn_strdup_template ("%s art. %s", source, article->number);
}

char *
pn_citation_format_number (PnDocument *document,
                           const char *number,
                           PnLang      lang)
{
  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (lang == PN_LANG_ZH)
    return format_zh (document, number, "");
  if (is_task_list (document))
    return pn_strdup_template ("task %s", number);
  return pn_strdup_template ("art. %s", number);
}
