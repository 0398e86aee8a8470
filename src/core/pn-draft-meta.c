/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-draft"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pn-draft-private.h"

void
pn_draft_meta_free (PnDraftMeta *meta)
{
  if (meta == NULL)
    return;
  g_free (meta->title);
  g_free (meta->doc_number);
  g_free (meta->issuer);
  g_free (meta->issued);
  g_free (meta->in_force_from);
  g_free (meta->in_force_until);
  g_free (meta->applies_from);
  g_free (meta->overlap_quote);
  g_free (meta->overlap_where);
  g_free (meta->interpreter);
  g_clear_pointer (&meta->warnings, g_ptr_array_unref);
  g_free (meta);
}

static PnDraftPara *
para_at (PnDraftStructure *structure,
         guint             i)
{
  return g_ptr_array_index (structure->paras, i);
}

static char *
squash (const char *text)
{
  return pn_draft_normalize (text ? text : "", NULL);
}

/* the paragraphs before the first article: title, number, notice */
static guint
preamble_end (PnDraftStructure *structure)
{
  guint end = structure->paras->len;

  if (structure->articles->len > 0)
    end = ((PnDraftArticle *) g_ptr_array_index (structure->articles, 0))->first_para;
  return MIN (end, structure->body_start);
}

/* ---- document number: 厦府规〔2023〕17号 ---- */

static char *
find_doc_number (const char *text,
                 gboolean    anywhere)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *s = squash (text);

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("([\\p{Han}A-Za-z]{1,12})[〔\\[［【（(]([12][0-9]{3})[〕\\]］】）)]"
                                            "(第)?([0-9]{1,5})号", G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, s, 0, &match))
    return NULL;

  do
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      /* its own number starts a line or follows a label ("文号：");
       * "（闽政〔2022〕10号）" in a sentence cites another document */
      if (anywhere || start == 0 || s[start - 1] == '\n' || s[start - 1] == ':' ||
          (start >= 3 && memcmp (s + start - 3, "：", 3) == 0))
        {
          g_autofree char *number = g_match_info_fetch (match, 0);
          char *label;

          /* "发文字号：厦府规…" has the label inside the match's Han run */
          if ((label = strstr (number, "字号")) != NULL || (label = strstr (number, "文号")) != NULL)
            return g_strdup (label + strlen ("字号"));
          return g_steal_pointer (&number);
        }
    }
  while (g_match_info_next (match, NULL));

  return NULL;
}

/* ---- dates ---- */

/* The first date in `s` (squashed) after `after`, or NULL. */
static char *
date_after (const char *s,
            const char *after)
{
  const char *p = strstr (s, after);

  if (p == NULL)
    return NULL;
  p += strlen (after);

  for (int tries = 0; tries < 12 && *p != '\0'; tries++, p = g_utf8_next_char (p))
    {
      gsize pos = p - s;
      char *iso = NULL;

      if (pn_draft_parse_date (s, &pos, &iso))
        return iso;
    }

  return NULL;
}

static void
read_validity (PnDraftMeta *meta,
               const char  *s)
{
  static const char * const starts[] = { "施行", "实施", "执行", "生效", NULL };
  static const char * const immediately[] = {
    "自印发之日起", "自发布之日起", "自公布之日起", "自颁布之日起", "自发文之日起", "自印发之日", NULL
  };

  for (const char *p = strstr (s, "自"); p != NULL && meta->in_force_from == NULL;
       p = strstr (p + 1, "自"))
    {
      gsize pos = (p - s) + strlen ("自");
      g_autofree char *iso = NULL;

      if (!pn_draft_parse_date (s, &pos, &iso))
        continue;
      /* "自2024年1月1日至2026年12月31日施行" */
      if (g_str_has_prefix (s + pos, "起"))
        pos += strlen ("起");
      if (g_str_has_prefix (s + pos, "至"))
        {
          gsize until_pos = pos + strlen ("至");
          g_autofree char *until = NULL;

          if (pn_draft_parse_date (s, &until_pos, &until) &&
              (g_str_has_prefix (s + until_pos, "止") || pn_draft_has_prefix_any (s + until_pos, starts) ||
               g_str_has_prefix (s + until_pos, "期间")))
            {
              meta->in_force_from = g_steal_pointer (&iso);
              meta->in_force_until = g_steal_pointer (&until);
              break;
            }
          continue;
        }
      if (g_str_has_prefix (s + pos, "起"))
        pos += strlen ("起");
      if (g_str_has_prefix (s + pos, "正式"))
        pos += strlen ("正式");
      if (pn_draft_has_prefix_any (s + pos, starts))
        meta->in_force_from = g_steal_pointer (&iso);
    }

  if (meta->in_force_from == NULL && pn_draft_find_any (s, immediately) != NULL)
    {
      const char *hit = pn_draft_find_any (s, immediately);

      if (pn_draft_find_any (hit, starts) != NULL && meta->issued != NULL)
        {
          const char *after = hit;
          guint64 days = 0;

          /* "自印发之日起30日后施行": the issue date and 30 days */
          for (guint i = 0; immediately[i] != NULL; i++)
            if (g_str_has_prefix (hit, immediately[i]))
              {
                after = hit + strlen (immediately[i]);
                break;
              }
          if (g_str_has_prefix (after, "起"))
            after += strlen ("起");
          if (g_ascii_isdigit (*after))
            {
              const char *unit = after + strspn (after, "0123456789");

              if (g_str_has_prefix (unit, "日后") || g_str_has_prefix (unit, "天后") ||
                  g_str_has_prefix (unit, "日起") || g_str_has_prefix (unit, "个工作日后"))
                days = g_ascii_strtoull (after, NULL, 10);
            }
          meta->in_force_from = days > 0 && days < 1000 ? pn_draft_add_days (meta->issued, (guint) days)
                                                        : g_strdup (meta->issued);
        }
    }

  if (meta->in_force_until == NULL)
    meta->in_force_until = date_after (s, "有效期至");
  if (meta->in_force_until == NULL)
    meta->in_force_until = date_after (s, "有效期截至");
  if (meta->in_force_until == NULL)
    {
      /* "…施行，至2026年12月31日止" and "有效期为2024年1月1日至2026年12月31日" */
      for (const char *p = strstr (s, "至"); p != NULL; p = strstr (p + 1, "至"))
        {
          gsize pos = (p - s) + strlen ("至");
          g_autofree char *iso = NULL;

          if (pn_draft_parse_date (s, &pos, &iso) &&
              (g_str_has_prefix (s + pos, "止") || g_str_has_prefix (s + pos, "。") ||
               g_str_has_prefix (s + pos, "有效")) &&
              (strstr (s, "有效期") != NULL || strstr (s, "执行期") != NULL ||
               strstr (s, "实施期") != NULL || g_str_has_prefix (s + pos, "止")))
            {
              meta->in_force_until = g_steal_pointer (&iso);
              break;
            }
        }
    }

  if (meta->in_force_until == NULL)
    {
      const char *p = strstr (s, "有效期");

      for (; p != NULL && meta->in_force_until == NULL; p = strstr (p + 1, "有效期"))
        {
          const char *q = p + strlen ("有效期");
          int years;

          if (g_str_has_prefix (q, "为"))
            q += strlen ("为");
          if (g_ascii_isdigit (*q))
            years = atoi (q), q += strspn (q, "0123456789");
          else
            {
              gsize len = pn_draft_cn_number_len (q);

              years = len > 0 ? pn_draft_cn_number (q, len) : -1;
              q += len;
            }
          if (years > 0 && years < 50 && g_str_has_prefix (q, "年"))
            {
              const char *from = meta->in_force_from ? meta->in_force_from : meta->issued;

              meta->in_force_until = pn_draft_add_years (from, years);
            }
        }
    }

  /* 晋江: "2025年1月1日至正式施行之日符合条件的参照执行" */
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize pos = p - s;
      g_autofree char *iso = NULL;
      const char *rest;

      if (!g_ascii_isdigit (*p) || (p > s && g_ascii_isdigit (p[-1])))
        continue;
      if (!pn_draft_parse_date (s, &pos, &iso))
        continue;
      rest = s + pos;
      if (g_str_has_prefix (rest, "起"))
        rest += strlen ("起");
      if ((g_str_has_prefix (rest, "至正式施行之日") || g_str_has_prefix (rest, "至施行之日") ||
           g_str_has_prefix (rest, "至本措施施行之日") || g_str_has_prefix (rest, "至正式实施之日") ||
           g_str_has_prefix (rest, "至实施之日") || g_str_has_prefix (rest, "至本办法施行之日") ||
           g_str_has_prefix (rest, "至本政策施行之日") || g_str_has_prefix (rest, "至本细则施行之日") ||
           g_str_has_prefix (rest, "至本方案施行之日") || g_str_has_prefix (rest, "至本规定施行之日") ||
           g_str_has_prefix (rest, "至本措施实施之日") || g_str_has_prefix (rest, "至本办法实施之日") ||
           g_str_has_prefix (rest, "至本政策实施之日")) &&
          strstr (rest, "参照") != NULL && strstr (rest, "参照") - rest < 90)
        {
          meta->applies_from = g_steal_pointer (&iso);
          break;
        }
    }

  if (meta->in_force_from != NULL && meta->in_force_until != NULL &&
      strcmp (meta->in_force_from, meta->in_force_until) > 0)
    {
      pn_draft_warn (meta->warnings,
                     g_strdup_printf ("原文的有效期截止日（%s）早于施行日（%s），未填写截止日",
                                      meta->in_force_until, meta->in_force_from),
                     g_strdup_printf ("the text ends its validity (%s) before it starts (%s): "
                                      "the end date is left out",
                                      meta->in_force_until, meta->in_force_from));
      g_clear_pointer (&meta->in_force_until, g_free);
    }
  if (meta->applies_from != NULL && meta->in_force_from != NULL &&
      strcmp (meta->applies_from, meta->in_force_from) > 0)
    g_clear_pointer (&meta->applies_from, g_free);
}

/* ---- title ---- */

static gboolean
is_title_like (const char *text)
{
  g_autofree char *s = squash (text);
  glong len = g_utf8_strlen (s, -1);

  /* a notice's heading with two issuers runs longer: "合肥市发展和改革委员会
   * 合肥市财政局关于组织申报2024年度…项目的通知" */
  if (len == 0 || (len > 45 && !(len <= 90 && strstr (s, "关于") != NULL)) || pn_draft_count_cjk (s) < 2)
    return FALSE;
  if (pn_draft_find_any (s, (const char * const[]) { "，", "。", "；", "：", ":", "\t", NULL }) != NULL)
    return FALSE;
  return TRUE;
}

static gboolean
is_skipped_head (const char *text)
{
  g_autofree char *s = squash (text);
  g_autofree char *number = find_doc_number (s, TRUE);
  gsize pos = 0;

  if (number != NULL && g_utf8_strlen (s, -1) <= g_utf8_strlen (number, -1) + 2)
    return TRUE;
  if (g_str_has_prefix (s, "附件") && g_utf8_strlen (s, -1) <= 4)
    return TRUE;
  if (pn_draft_parse_date (s, &pos, NULL) && s[pos] == '\0')
    return TRUE;
  /* the red header: 厦门市人民政府文件 */
  if (g_str_has_suffix (s, "文件") && g_utf8_strlen (s, -1) <= 20)
    return TRUE;
  if (g_str_has_prefix (s, "（此件") || g_str_has_prefix (s, "(此件") ||
      g_str_has_prefix (s, "索引号") || g_str_has_prefix (s, "签发人"))
    return TRUE;
  return FALSE;
}

/* 《X》 of "关于印发《X》的通知", or the one a notice hands out ("《X》已经…
 * 现印发给你们"). */
static char *
quoted_title (const char *s)
{
  static const char * const handed_out[] = {
    "印发给你们", "现印发", "予以印发", "转发给你们", "现将", "印发《", "转发《", "颁布《", NULL
  };
  const char *hit = pn_draft_find_any (s, handed_out);
  const char *open, *close;

  if (hit == NULL)
    return NULL;

  /* the 《 》 nearest before the phrase, or right after "印发" */
  open = pn_draft_rfind (s, hit, "《");
  if (open == NULL || hit - open > 600)
    open = strstr (hit, "《");
  if (open == NULL)
    return NULL;
  /* "根据《…若干措施》…，现将申报指南发布如下": a document cited, not the
   * one handed out */
  {
    const char *before = open;

    for (int n = 0; n < 4 && before > s; n++)
      before = g_utf8_find_prev_char (s, before);
    if (pn_draft_find_any (before, (const char * const[]) { "根据", "按照", "依据", "依照", "贯彻", "落实", NULL })
        != NULL &&
        pn_draft_find_any (before, (const char * const[]) { "根据", "按照", "依据", "依照", "贯彻", "落实", NULL })
        < open)
      return NULL;
  }
  close = strstr (open, "》");
  if (close == NULL || close - open > 300)
    return NULL;
  open += strlen ("《");
  return g_strndup (open, close - open);
}


static gboolean is_org_name (const char *s);
static char *
read_title (PnDraftExtract   *extract,
            PnDraftStructure *structure,
            guint             end)
{
  GString *title = g_string_new (NULL);
  GString *head = g_string_new (NULL);
  guint lines = 0;
  gboolean all_orgs = TRUE;   /* every line gathered names an issuer */
  char *quoted;

  for (guint i = 0; i < end && i < 40; i++)
    {
      g_autofree char *s = squash (para_at (structure, i)->text);

      g_string_append (head, s);
      g_string_append_c (head, '\n');
    }

  /* an annex read as the text has its own title (after the notice's) */
  for (guint i = structure->annex, tried = 0; i < end && i < structure->annex + 12; i++)
    {
      PnDraftPara *para = para_at (structure, i);

      if (para->cells != NULL)
        break;
      if (is_skipped_head (para->text))
        {
          /* "上海市浦东新区人民政府 / 浦府规〔2024〕3号 / the title": the red
           * header's issuer without 文件 is no title (it was taken for it) */
          /* …and two issuers' lines of a joint document ("广州市黄埔区人民政府 /
           * 广州开发区管委会") */
          if (title->len > 0 && lines <= 2 && all_orgs)
            {
              g_string_truncate (title, 0);
              lines = 0;
              all_orgs = TRUE;
              continue;
            }
          if (title->len > 0)
            break;
          continue;
        }
      if (!is_title_like (para->text) || lines >= 4 || title->len > 120)
        {
          /* the title is among the first lines, or not there */
          if (title->len > 0 || ++tried >= 2)
            break;
          continue;
        }
      g_string_append (title, para->text);
      all_orgs = all_orgs && is_org_name (para->text);
      lines++;
    }

  /* a notice that hands out the document: its title is in 《》 */
  quoted = quoted_title (title->str);
  if (quoted == NULL)
    quoted = quoted_title (head->str);
  if (quoted != NULL && pn_draft_count_cjk (quoted) >= 4)
    {
      g_string_free (title, TRUE);
      g_string_free (head, TRUE);
      return quoted;
    }
  g_free (quoted);
  g_string_free (head, TRUE);

  /* "厦门市人民政府关于印发X的通知" with no 《》: X */
  {
    g_autoptr(GMatchInfo) match = NULL;
    static GRegex *notice;

    if (g_once_init_enter (&notice))
      g_once_init_leave (&notice, g_regex_new ("关于(印发|转发|颁布|发布)(.{4,}?)的通知$", 0, 0, NULL));
    if (g_regex_match (notice, title->str, 0, &match))
      {
        char *inner = g_match_info_fetch (match, 2);

        g_string_free (title, TRUE);
        return inner;
      }
  }

  if (title->len == 0 && extract->page_title != NULL)
    {
      g_auto(GStrv) parts = g_regex_split_simple ("[_|－]| - | — ", extract->page_title, 0, 0);
      const char *best = extract->page_title;

      for (guint i = 0; parts[i] != NULL; i++)
        if (pn_draft_count_cjk (parts[i]) > pn_draft_count_cjk (best) ||
            best == extract->page_title)
          best = parts[i];
      g_string_append (title, best);
    }

  {
    char *text = g_string_free (title, FALSE);
    char *normalized;
    GString *out;

    pn_draft_strip (text);
    if (*text == '\0')
      {
        g_free (text);
        return NULL;
      }
    /* a title's lines are joined without the extraction's spaces */
    out = g_string_new (NULL);
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (pn_draft_is_space (c))
          {
            const char *next = g_utf8_next_char (p);
            gunichar prev = out->len > 0 ? g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len)) : 0;

            /* keep a space between two Latin words */
            if (g_ascii_isalnum (prev) && g_ascii_isalnum (*next))
              g_string_append_c (out, ' ');
            continue;
          }
        g_string_append_unichar (out, c);
      }
    normalized = g_string_free (out, FALSE);
    g_free (text);
    return normalized;
  }
}

/* ---- issuer and issue date: the signature ---- */

static gboolean
is_org_name (const char *s)
{
  static const char * const endings[] = {
    "人民政府", "政府", "委员会", "办公室", "办公厅", "管委会", "管理委员会", "局", "厅", "委", "部",
    "院", "中心", "协会", "小组", "领导小组", "联席会议", NULL
  };
  glong len = g_utf8_strlen (s, -1);

  if (len < 3 || len > 60)
    return FALSE;
  if (pn_draft_find_any (s, (const char * const[]) { "，", "。", "；", "：", ":", "、", "\t", NULL }) != NULL)
    return FALSE;
  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_suffix (s, endings[i]))
      return TRUE;
  return FALSE;
}

/* A signature line of several issuers, "合肥市发展和改革委员会　　合肥市财政局":
 * its names joined by 、 (squashed, they ran together); else NULL. */
static char *
org_names (const char *text)
{
  g_autofree char *spaced = g_strdup (text != NULL ? text : "");
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = 0;

  /* U+3000 and tabs as spaces */
  for (char *p = spaced; *p != '\0'; p++)
    {
      if (*p == '\t')
        *p = ' ';
      else if ((guchar) p[0] == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80)
        {
          p[0] = p[1] = p[2] = ' ';
          p += 2;
        }
    }
  parts = g_strsplit (g_strstrip (spaced), " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (!is_org_name (parts[i]))
        return NULL;
      if (n++ > 0)
        g_string_append (names, "、");
      g_string_append (names, parts[i]);
    }
  if (n < 2)
    return NULL;
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
read_signature (PnDraftMeta      *meta,
                PnDraftStructure *structure,
                guint             from,
                guint             to)
{
  for (guint i = from; i < to; i++)
    {
      g_autofree char *s = squash (para_at (structure, i)->text);
      g_autoptr(GString) issuer = NULL;
      gsize pos = 0;
      char *iso = NULL;
      const char *date;

      if (para_at (structure, i)->cells != NULL || g_str_has_suffix (s, "印发"))
        continue;

      /* "发布日期：2026年1月20日" under the issuer: the date as on its own */
      {
        char *dated = g_strdup (pn_draft_skip_date_label (s));

        g_free (s);
        s = dated;
      }

      /* "厦门市人民政府" then "2023年11月17日", or both on one line */
      if (pn_draft_parse_date (s, &pos, &iso) && s[pos] == '\0')
        {
          issuer = g_string_new (NULL);
          for (guint back = 1; back <= 3 && back <= i - from; back++)
            {
              g_autofree char *several = org_names (para_at (structure, i - back)->text);
              g_autofree char *prev = squash (para_at (structure, i - back)->text);

              if (several == NULL && !is_org_name (prev))
                break;
              if (several != NULL)
                {
                  g_free (prev);
                  prev = g_steal_pointer (&several);
                }
              if (issuer->len > 0)
                g_string_prepend (issuer, "、");
              g_string_prepend (issuer, prev);
            }
        }
      else
        {
          g_clear_pointer (&iso, g_free);
          for (date = s; *date != '\0'; date = g_utf8_next_char (date))
            if (g_ascii_isdigit (*date))
              break;
          pos = date - s;
          if (*date != '\0' && date > s && pn_draft_parse_date (s, &pos, &iso) && s[pos] == '\0')
            {
              g_autofree char *name = g_strndup (s, date - s);

              if (is_org_name (name))
                issuer = g_string_new (name);
            }
        }

      if (issuer != NULL && issuer->len > 0 && iso != NULL)
        {
          meta->issuer = g_string_free (g_steal_pointer (&issuer), FALSE);
          meta->issued = iso;
          return;
        }
      g_free (iso);
    }
}

/* HTML pages name these in a table above the text: "发文机关：…" */
static char *
labelled (const char *outside,
          const char * const *labels)
{
  g_auto(GStrv) lines = NULL;

  if (outside == NULL)
    return NULL;
  lines = g_strsplit_set (outside, "\n\t", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *s = squash (lines[i]);

      for (guint l = 0; labels[l] != NULL; l++)
        if (g_str_has_prefix (s, labels[l]))
          {
            const char *value = s + strlen (labels[l]);

            if (g_str_has_prefix (value, "：") || g_str_has_prefix (value, ":"))
              value = g_utf8_next_char (value);
            if (*value == '\0' && lines[i + 1] != NULL)
              {
                g_autofree char *next = squash (lines[i + 1]);

                return *next != '\0' ? g_strdup (next) : NULL;
              }
            return *value != '\0' ? g_strdup (value) : NULL;
          }
    }

  return NULL;
}

/* ---- overlap rule and interpreter ---- */

static void read_overlap_rule_at (PnDraftMeta      *meta,
                                  PnDraftStructure *structure,
                                  guint             i);

/* Whether a sentence about overlapping awards speaks of the whole
 * document or of other policies ("本措施与本市其他同类政策有重复的"), not
 * of one article's awards ("同一品种按照就高不重复原则给予支持"). */
static gboolean
document_wide (const char *sentence)
{
  static const char * const words[] = {
    "本措施", "本政策", "本办法", "本细则", "本方案", "本文件", "本通知", "本意见", "若干措施",
    "其他同类政策", "其他政策", "同类政策", "各级政策", "其他扶持政策", NULL
  };
  g_autofree char *s = squash (sentence);

  return pn_draft_find_any (s, words) != NULL;
}

static void
read_overlap_rule (PnDraftMeta      *meta,
                   PnDraftStructure *structure)
{
  /* the document-wide rule, wherever it is; else the first */
  for (guint i = 0; i < structure->paras->len; i++)
    {
      PnDraftPara *para = para_at (structure, i);

      if (meta->overlap_quote != NULL && !document_wide (meta->overlap_quote) &&
          (strstr (para->text, "就高") != NULL || strstr (para->text, "不重复") != NULL))
        {
          g_autofree char *quote = g_steal_pointer (&meta->overlap_quote);
          g_autofree char *where = g_steal_pointer (&meta->overlap_where);

          read_overlap_rule_at (meta, structure, i);
          if (meta->overlap_quote == NULL || !document_wide (meta->overlap_quote))
            {
              g_free (meta->overlap_quote);
              g_free (meta->overlap_where);
              meta->overlap_quote = g_steal_pointer (&quote);
              meta->overlap_where = g_steal_pointer (&where);
            }
        }
      else if (meta->overlap_quote == NULL)
        read_overlap_rule_at (meta, structure, i);
    }
}

/* The rule of paragraph `i`, if it states one. */
static void
read_overlap_rule_at (PnDraftMeta      *meta,
                      PnDraftStructure *structure,
                      guint             i)
{
  PnDraftPara *para = para_at (structure, i);
  const char *text = para->text;
  const char *hit = strstr (text, "就高");
  const char *start, *end;
  g_autofree char *s = NULL;

  if (hit == NULL)
    {
      s = squash (text);
      if (strstr (s, "不重复") == NULL || (strstr (s, "政策") == NULL && strstr (s, "同类") == NULL))
        return;
      hit = strstr (text, "不重复");
      if (hit == NULL)
        return;
    }

  /* the sentence that holds it, as written */
  start = text;
  for (const char *p = text; p < hit; p = g_utf8_next_char (p))
    if (g_str_has_prefix (p, "。") || g_str_has_prefix (p, "；"))
      start = p + strlen ("。");
  end = strstr (hit, "。");
  end = end != NULL ? end + strlen ("。") : text + strlen (text);

  /* without the item's number: "第十一条　同一项目…" */
  {
    static GRegex *marker;
    g_autofree char *quote = pn_draft_strip (g_strndup (start, end - start));

    if (g_once_init_enter (&marker))
      g_once_init_leave (&marker, g_regex_new ("^\\s*(第[一二三四五六七八九十百零〇0-9]+条|"
                                               "[（(][一二三四五六七八九十0-9]+[）)]|"
                                               "[一二三四五六七八九十]+、|[0-9]+[.．、])[\\s　]*",
                                               G_REGEX_OPTIMIZE, 0, NULL));
    meta->overlap_quote = g_regex_replace (marker, quote, -1, 0, "", 0, NULL);
  }
  meta->overlap_where = g_strdup (para->where != NULL && *para->where != '\0'
                                  ? para->where : "正文之后的结尾段落");
}

static void
read_interpreter (PnDraftMeta *meta,
                  const char  *s)
{
  const char *hit = strstr (s, "负责解释");
  const char *by;
  const char *end;

  if (hit == NULL)
    return;
  by = pn_draft_rfind (s, hit, "由");
  if (by == NULL || hit - by > 200)
    return;
  by += strlen ("由");
  end = hit;
  for (const char *p = by; p < hit; p = g_utf8_next_char (p))
    if (g_str_has_prefix (p, "、") || g_str_has_prefix (p, "会同") || g_str_has_prefix (p, "，") ||
        g_str_has_prefix (p, "牵头") || g_str_has_prefix (p, "和") || g_str_has_prefix (p, "及"))
      {
        end = p;
        break;
      }
  meta->interpreter = g_strndup (by, end - by);
}

/* A plain-text heading "关于…的通知" and the number on the line after it
 * make one paragraph, "…的通知合发改高技〔2024〕512号": the number off the
 * title's end, cut after the last word a title ends with. */
static char *
split_trailing_number (char **title)
{
  static const char * const endings[] = {
    "通知", "办法", "措施", "意见", "方案", "细则", "指南", "规定", "决定", "政策", "公告", "通告",
    "规划", "计划", "清单", "函", "批复", NULL
  };
  g_autofree char *number = NULL;
  const char *at;
  const char *cut = NULL;

  if (*title == NULL || (number = find_doc_number (*title, TRUE)) == NULL ||
      !g_str_has_suffix (*title, number))
    return NULL;
  at = *title + strlen (*title) - strlen (number);
  for (guint i = 0; endings[i] != NULL; i++)
    {
      const char *hit = pn_draft_rfind (*title, at + strlen (number), endings[i]);

      if (hit != NULL && hit >= at && hit + strlen (endings[i]) < *title + strlen (*title) &&
          (cut == NULL || hit + strlen (endings[i]) > cut))
        cut = hit + strlen (endings[i]);
    }
  if (cut == NULL || cut == *title)
    return NULL;
  {
    char *own = g_strdup (cut);

    (*title)[cut - *title] = '\0';
    return own;
  }
}

PnDraftMeta *
pn_draft_read_meta (PnDraftExtract   *extract,
                    PnDraftStructure *structure)
{
  PnDraftMeta *meta = g_new0 (PnDraftMeta, 1);
  guint end = preamble_end (structure);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *s = NULL;
  static const char * const draft_words[] = {
    "征求意见稿", "草案", "送审稿", "讨论稿", "公开征求意见", NULL
  };

  meta->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);

  for (guint i = 0; i < structure->paras->len; i++)
    {
      g_string_append (all, para_at (structure, i)->text);
      g_string_append_c (all, '\n');
    }
  s = squash (all->str);

  meta->title = read_title (extract, structure, end);

  for (guint i = 0; i < end && meta->doc_number == NULL; i++)
    meta->doc_number = find_doc_number (para_at (structure, i)->text, FALSE);
  if (meta->doc_number == NULL)
    meta->doc_number = split_trailing_number (&meta->title);
  if (meta->doc_number == NULL && extract->outside != NULL)
    {
      g_autofree char *value = labelled (extract->outside,
                                         (const char * const[]) { "发文字号", "文号", "发文号", NULL });

      meta->doc_number = value ? find_doc_number (value, TRUE) : NULL;
    }

  /* the signature of the notice before the text, else after it */
  read_signature (meta, structure, 0, end);
  if (meta->issuer == NULL && structure->articles->len > 0)
    {
      PnDraftArticle *last = g_ptr_array_index (structure->articles, structure->articles->len - 1);

      read_signature (meta, structure, last->last_para + 1, structure->paras->len);
    }
  if (meta->issuer == NULL && extract->outside != NULL)
    meta->issuer = labelled (extract->outside,
                             (const char * const[]) { "发文机关", "发布机构", "发文单位", "发布单位", NULL });
  if (meta->issued == NULL && extract->outside != NULL)
    {
      g_autofree char *value = labelled (extract->outside,
                                         (const char * const[]) { "成文日期", "发文日期", "印发日期", NULL });
      gsize pos = 0;

      if (value != NULL && !pn_draft_parse_date (value, &pos, &meta->issued) &&
          strlen (value) >= 10 && g_ascii_isdigit (value[0]))
        {
          int y, m, d;

          if (sscanf (value, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
            meta->issued = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
        }
    }
  /* "厦门市人民政府关于印发…的通知": who sends the notice */
  if (meta->issuer == NULL && meta->title != NULL)
    {
      for (guint i = 0; i < end && i < 12 && meta->issuer == NULL; i++)
        {
          g_autofree char *line = squash (para_at (structure, i)->text);
          const char *about = strstr (line, "关于");

          if (about != NULL && about > line)
            {
              g_autofree char *who = g_strndup (line, about - line);

              if (is_org_name (who))
                meta->issuer = g_steal_pointer (&who);
            }
        }
    }

  meta->draft = (meta->title != NULL && pn_draft_find_any (meta->title, draft_words) != NULL);
  for (guint i = 0; i < end && i < 12 && !meta->draft; i++)
    {
      g_autofree char *line = squash (para_at (structure, i)->text);

      meta->draft = g_str_has_prefix (line, "（征求意见稿）") || g_str_has_prefix (line, "(征求意见稿)");
    }

  read_validity (meta, s);
  read_overlap_rule (meta, structure);
  read_interpreter (meta, s);

  if (meta->draft)
    {
      /* a draft is never in force: its dates are at most intentions */
      g_clear_pointer (&meta->in_force_from, g_free);
      g_clear_pointer (&meta->in_force_until, g_free);
      g_clear_pointer (&meta->applies_from, g_free);
    }

  return meta;
}
