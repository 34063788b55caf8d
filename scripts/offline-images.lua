-- A pandoc filter for converting pages offline: an image on the web becomes its description, so that pandoc never
-- fetches it (the text a reader sees of a missing image is its description anyway).
function Image(image)
  if image.src:match("^https?://") then
    return image.caption
  end
end
