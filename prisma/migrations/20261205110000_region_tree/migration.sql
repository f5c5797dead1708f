-- The one walk of the region tree: from a region, itself and every region below it ('BELOW'), or itself and every
-- region above it ('ABOVE'), each with its distance from the start. Reach, regional cohorts and the nearest
-- enclosing standard all read the tree through it; an unknown code gives no rows.
CREATE FUNCTION hub_region_tree(start_code TEXT, direction TEXT) RETURNS TABLE (code VARCHAR(12), depth INT)
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  IF direction = 'BELOW' THEN
    RETURN QUERY WITH RECURSIVE tree(code, depth) AS (
      SELECT r.code, 0 FROM regions r WHERE r.code = start_code
      UNION ALL
      SELECT r.code, t.depth + 1 FROM tree t JOIN regions r ON r.parent_code = t.code
    ) SELECT tree.code, tree.depth FROM tree;
  ELSIF direction = 'ABOVE' THEN
    RETURN QUERY WITH RECURSIVE tree(code, parent_code, depth) AS (
      SELECT r.code, r.parent_code, 0 FROM regions r WHERE r.code = start_code
      UNION ALL
      SELECT r.code, r.parent_code, t.depth + 1 FROM tree t JOIN regions r ON r.code = t.parent_code
    ) SELECT tree.code, tree.depth FROM tree;
  ELSE
    RAISE EXCEPTION 'hub_region_tree: direction must be BELOW or ABOVE, not %', direction;
  END IF;
END
$$;
